// Reading what people type or paste: amounts, ratios and a hospital 费用清单 (itemised bill) copied from a
// spreadsheet or a web page. No arithmetic on money beyond adding fen for a preview; the engine does the rest.

// Full-width digits and punctuation as typed on Chinese keyboards -> ASCII.
export function halfWidth(s) {
  return String(s).replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ').replace(/[，]/g, ',').replace(/[。]/g, '.');
}

// "¥1,260.40元" -> "1260.40". Anything else is passed on as typed so the engine's own message explains it.
export function cleanMoney(s) {
  let t = halfWidth(s).trim().replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  return t;
}

// "9×60", "9 x 60.00", "9*60" -> {quantity: 9, unit_price: "60.00"}; otherwise null.
export function splitQuantity(s) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[x×*X]\s*(.+?)\s*$/.exec(halfWidth(s));
  return m ? { quantity: Number(m[1]), unit_price: cleanMoney(m[2]) } : null;
}

// "10%", "0.1", "10", "１０％" -> "10%" (the form the engine accepts); "" stays "".
export function cleanRatio(s) {
  const t = halfWidth(s).trim().replace(/\s+/g, '');
  if (!t) return '';
  if (/^\d+(\.\d+)?%$/.test(t)) return t;
  if (/^(0?\.\d+|0|1|1\.0+)$/.test(t)) return t; // already a fraction
  if (/^\d+(\.\d+)?$/.test(t) && Number(t) <= 100) return t + '%';
  return t;
}

// Decimal yuan string -> integer fen (Number: exact up to 9e15 fen), or null.
export function toFen(s) {
  if (s === null || s === undefined) return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(s));
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] || '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

// Integer fen -> "1234.56" (with thousands separators when group is true).
export function fromFen(fen, group) {
  const neg = fen < 0;
  const a = Math.abs(fen);
  let y = String(Math.floor(a / 100));
  if (group) y = y.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + y + '.' + String(a % 100).padStart(2, '0');
}

// The class written on a bill -> the engine's name, or '' when it cannot be told.
export function readClass(s) {
  const t = halfWidth(s).trim().replace(/\s+/g, '').toLowerCase();
  if (!t) return '';
  if (/^(甲|甲类|甲类药品|甲类项目|a|a类|class_a|全额)$/.test(t) || /^甲/.test(t)) return 'class_a';
  if (/^(乙|乙类|b|b类|class_b)$/.test(t) || /^乙/.test(t)) return 'class_b';
  if (/^(丙|丙类|c|c类|自费|全自费|目录外|out_of_catalogue)$/.test(t) || /^丙|自费|目录外/.test(t)) return 'out_of_catalogue';
  return '';
}

// Column headers as printed on bills, most specific first. Matched after dropping spaces, brackets and units.
const HEADERS = [
  ['selfpay_ratio', /^(个人)?自付比例|^自付比率|^自付%|^自负比例|^selfpay|^ratio/],
  ['unit_price', /^单价|^价格|^unitprice|^price/],
  ['quantity', /^数量|^用量|^qty|^quantity/],
  ['class', /^(医保)?(类别|等级|类型)|^甲乙类|^甲乙丙|^收费类别|^class/],
  ['code', /编码|代码|^code/],
  ['amount', /^(总)?金额|^合计金额|^费用金额|^总价|^小计|^amount|^总额/],
  ['name', /名称|^项目$|^品名|^收费项目|^费用项目|^name|^item/],
];

function headerOf(cell) {
  const t = halfWidth(cell).toLowerCase().replace(/[\s()（）[\]【】]/g, '').replace(/元$|￥$|¥$/, '');
  if (!t) return null;
  for (const [key, re] of HEADERS) if (re.test(t)) return key;
  return null;
}

function splitLine(line, sep) {
  if (sep === '\t') return line.split('\t');
  if (sep === ',') {
    // CSV with "quoted, fields"
    const out = [];
    let cur = '', q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (q) {
        if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c;
      } else if (c === '"') q = true;
      else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
    }
    out.push(cur);
    return out;
  }
  // Spaces: the leading words that are not a class, an amount or a ratio form the name ("CT 检查").
  const words = line.trim().split(/\s+/);
  let n = 0;
  while (n < words.length && !readClass(words[n]) && !isMoney(words[n]) && !isRatio(words[n])) n++;
  return n > 1 ? [words.slice(0, n).join(' ')].concat(words.slice(n)) : words;
}

function isMoney(s) { return /^[¥￥]?\s*\d[\d,]*(\.\d+)?\s*元?$/.test(halfWidth(s).trim()); }
function isRatio(s) { return /^\d+(\.\d+)?\s*%$/.test(halfWidth(s).trim()); }

const TOTAL_ROW = /^(合计|小计|总计|总金额|合\s*计|共计|total)/i;

// Text -> {items: [{name, class, amount | quantity+unit_price, selfpay_ratio, line, ratio_read}], columns: {key: index},
// header: bool, skipped: [{line, text}], sep}. Items keep the text as read; the engine validates them.
export function parseBill(text) {
  const lines = halfWidthKeepTabs(String(text)).split(/\r\n|\n|\r/);
  const nonEmpty = lines.filter((l) => l.trim());
  const sep = nonEmpty.some((l) => l.includes('\t')) ? '\t' : nonEmpty.some((l) => l.includes(',')) ? ',' : ' ';
  const rows = lines.map((l, i) => ({ line: i + 1, text: l, cells: l.trim() ? splitLine(l, sep).map((c) => c.trim()) : [] }));

  // The header: the first row where two or more cells name a known column.
  let columns = null, headerRow = -1;
  for (let r = 0; r < rows.length && r < 20; r++) {
    const cols = {};
    rows[r].cells.forEach((c, i) => { const k = headerOf(c); if (k && !(k in cols)) cols[k] = i; });
    if (Object.keys(cols).length >= 2 && 'name' in cols) { columns = cols; headerRow = r; break; }
  }
  const header = !!columns;
  if (!columns) columns = guessColumns(rows.filter((r) => r.cells.length));

  const items = [], skipped = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const { cells, line, text: raw } = rows[r];
    if (!cells.length) continue;
    const cols = header ? columns : rowColumns(cells) || columns;
    const get = (k) => (cols[k] !== undefined ? (cells[cols[k]] || '').trim() : '');
    const name = get('name');
    if (TOTAL_ROW.test(name) || TOTAL_ROW.test(cells[0] || '')) { skipped.push({ line, text: raw, why: 'total' }); continue; }
    const item = { line };
    if (name) item.name = name;
    const code = get('code');
    if (code) item.code = code;
    const amount = get('amount'), qty = get('quantity'), price = get('unit_price');
    if (amount && isMoney(amount)) item.amount = cleanMoney(amount);
    else if (qty && price && /^\d+(\.\d+)?$/.test(halfWidth(qty)) && isMoney(price)) {
      item.quantity = Number(halfWidth(qty));
      item.unit_price = cleanMoney(price);
    } else { skipped.push({ line, text: raw, why: 'amount' }); continue; }
    const ratio = cleanRatio(get('selfpay_ratio'));
    let cls = readClass(get('class'));
    if (!cls && ratio) {
      // A bill with only a 自付比例 column: 0 means class A, 100% means outside the catalogue.
      const v = /%$/.test(ratio) ? Number(ratio.slice(0, -1)) / 100 : Number(ratio);
      if (v === 0) cls = 'class_a'; else if (v === 1) cls = 'out_of_catalogue'; else if (v > 0 && v < 1) cls = 'class_b';
      if (cls) item.class_inferred = true;
    }
    item.class = cls;
    if (ratio && cls === 'class_b') item.selfpay_ratio = ratio;
    // As printed, for the preview: 0% and 100% rows send no ratio (their class says it) but still show it.
    if (ratio) item.ratio_read = /%$/.test(ratio) || !Number.isFinite(Number(ratio)) ? ratio : Math.round(Number(ratio) * 1000) / 10 + '%';
    items.push(item);
  }
  return { items, columns, header, skipped, sep };
}

function halfWidthKeepTabs(s) {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

// No header, one row: the same reading on its own cells (rows copied from a web page are often ragged).
function rowColumns(cells) {
  const cols = {};
  cells.forEach((c, i) => {
    if (!('class' in cols) && readClass(c) && !isMoney(c)) cols.class = i;
    else if (!('selfpay_ratio' in cols) && isRatio(c)) cols.selfpay_ratio = i;
    else if (isMoney(c)) cols.amount = i;
    else if (!('name' in cols) && c) cols.name = i;
  });
  return 'amount' in cols && 'name' in cols ? cols : null;
}

// No header: the class column holds 甲/乙/丙, a ratio column holds percentages, the amount is the last money
// column, the name is the first column that is mostly not numbers.
function guessColumns(rows) {
  const cols = {};
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const share = (i, test) => rows.filter((r) => r.cells[i] !== undefined && test(r.cells[i])).length / (rows.length || 1);
  for (let i = 0; i < width; i++) {
    if (!('class' in cols) && share(i, (c) => readClass(c) !== '') > 0.6 && share(i, isMoney) < 0.2) cols.class = i;
    else if (!('selfpay_ratio' in cols) && share(i, isRatio) > 0.6) cols.selfpay_ratio = i;
  }
  for (let i = width - 1; i >= 0; i--) {
    if (i !== cols.class && i !== cols.selfpay_ratio && share(i, isMoney) > 0.6) { cols.amount = i; break; }
  }
  for (let i = 0; i < width; i++) {
    if (i !== cols.class && share(i, (c) => c && !isMoney(c) && !isRatio(c)) > 0.6) { cols.name = i; break; }
  }
  return cols;
}
