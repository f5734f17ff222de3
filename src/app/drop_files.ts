/** Whether a drag carries files (not text or a link dragged from another page). */
export function isFileDrag(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** The files of a drop, in the order given; folders and non-file items are left out. */
export function droppedFiles(event: DragEvent): File[] {
  const files = event.dataTransfer?.files;
  if (!files) return [];
  // A dropped folder shows up as a File of size 0 with no type; reading it would fail later.
  return Array.from(files).filter((f) => f.size > 0 || f.type !== '' || f.name.includes('.'));
}
