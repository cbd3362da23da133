// Everything the page remembers between events, in one place. Each part of the page reads and writes its own
// fields here; nothing else is module-level and mutable.
export const state = {
  lang: 'zh',
  engine: null, // the loaded engine (wasm/loader)
  policies: [], // engine.policies(): the versions in the pack, with their schemes, persons and tiers
  vocab: null, // engine.call({op: 'vocabulary'}): names and zh/en labels of every choice
  engineVersion: '',
  seq: 0, // the latest estimate started; an answer for an older one is dropped
  last: null, // {request, result, aloud}: the estimate on screen
  whatIf: null, // the what-if comparisons of `last`
  choices: null, // {field, rows}: the answer for each value of a field the region needs and the form lacks
  channels: null, // {for, list, gaps}: where to apply, from the manual-claim guide, for `last`
  sources: {}, // the full sources by ref, when answers cite them as {ref, clause} (docs/api.md)
  pasted: null,
  pendingRows: null, // bill rows still to be shown (a long bill fills in in chunks) // parseBill() of the paste box
  touched: new WeakSet(), // inputs the person has edited (their errors show while typing)
  firstDone: false,
  timer: 0, // the estimate scheduled after an edit
  errId: 0, // ids given to error messages (aria-describedby)
  elder: false, // 长辈模式: one screen at a time
  screen: 0,
  tools: { guide: null, diag: null, rev: null }, // what each tool shows
  toolSeq: { guide: 0, diag: 0, rev: 0 },
  // Set by app.js: re-estimate soon after an edit (form parts call it without importing the app).
  schedule: () => {},
};
