/**
 * English stop words: the Glasgow IR group's list as shipped by scikit-learn
 * (`sklearn.feature_extraction.text.ENGLISH_STOP_WORDS`), minus the content words in it that
 * carry meaning in research abstracts (system, computer, detail, interest, bill, fire, …), plus
 * the stems that splitting contractions at the apostrophe leaves behind (don, isn, ll, ve, …).
 * Entries are lower case; tokens are lower-cased before lookup.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above across after afterwards again against all almost alone along already also
  although always am among amongst an and another any anyhow anyone anything anyway anywhere are
  around as at be became because become becomes becoming been before beforehand behind being below
  beside besides between beyond both but by can cannot cant co could couldnt de did do does doing
  done down due during each eg eight either eleven else elsewhere enough etc even ever every
  everyone everything everywhere except few fifteen fifty first five for former formerly forty
  four from further had has hasnt have having he hence her here hereafter hereby herein hereupon
  hers herself him himself his how however hundred i ie if in inc indeed into is it its itself
  just last latter latterly least less ltd many may me meanwhile might mine more moreover most
  mostly much must my myself namely neither never nevertheless next nine no nobody none noone nor
  not nothing now nowhere of off often on once one only onto or other others otherwise our ours
  ourselves out over own per perhaps please rather re same seem seemed seeming seems several she
  should since six sixty so some somehow someone something sometime sometimes somewhere still such
  ten than that the their them themselves then thence there thereafter thereby therefore therein
  thereupon these they third this those though three through throughout thru thus to together too
  toward towards twelve twenty two un under until up upon us very via was we were what whatever
  when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which
  while whither who whoever whole whom whose why will with within without would yet you your
  yours yourself yourselves aren couldn didn doesn don hadn hasn haven isn ll ve shan shouldn
  wasn weren won wouldn`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
