/**
 * Words of research-abstract boilerplate that never name a topic ("we propose a novel method
 * that achieves state-of-the-art results"): a label term that is one of them, or a phrase that
 * contains one, is never chosen. Deliberately short: words that are generic only in some corpora
 * ("model", "learning", "data") are left to the corpus-wide genericness penalty instead.
 */
export const ACADEMIC_FILLER: ReadonlySet<string> = new Set(
  `paper papers propose proposes proposed proposing present presents presented introduce
  introduces introduced method methods methodology approach approaches result results show shows
  showed shown demonstrate demonstrates demonstrated demonstrating novel new use uses used using
  based existing various different significant significantly performance state art extensive
  experiment experiments experimental achieve achieves achieved achieving outperform outperforms
  outperforming improve improves improved improving improvement improvements effective
  effectively work works study studies problem problems technique
  techniques framework frameworks superior comprehensive furthermore additionally recent recently
  key code available publicly github com https http www address addresses enable enables enabling
  leverage leverages leveraging provide provides providing important challenging challenge
  challenges crucial remains remain finally specifically particular particularly strong
  stronger better best simple simply generally general typically wide widely`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
