// Deadlines as an iCalendar file (RFC 5545), made on the device: one all-day event per deadline.
function esc(s) {
  return String(s || '').replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

// Lines longer than 75 octets are folded (a CRLF and a space), without splitting a UTF-8 character.
function fold(line) {
  const enc = new TextEncoder();
  const out = [];
  let cur = '', n = 0;
  for (const ch of line) {
    const w = enc.encode(ch).length;
    if (n + w > (out.length ? 74 : 75)) { out.push(cur); cur = ''; n = 0; }
    cur += ch; n += w;
  }
  out.push(cur);
  return out.join('\r\n ');
}

function nextDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + 1));
  return t.toISOString().slice(0, 10);
}

// deadlines: result.deadlines; lang: 'zh' | 'en'; stamp: a Date (the file's DTSTAMP).
export function deadlinesToIcs(deadlines, lang, stamp) {
  const en = lang === 'en';
  const ts = (stamp || new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//claimcalc//deadlines//ZH', 'CALSCALE:GREGORIAN'];
  for (const d of deadlines || []) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date || '')) continue;
    const label = en ? d.label_en : d.label_zh;
    const rule = en ? d.rule_en : d.rule_zh;
    const note = en ? d.holiday_note_en : d.holiday_note_zh;
    const src = d.source && (d.source.title || d.source.doc_no) ? (en ? 'Source: ' : '出处：') + [d.source.title, d.source.doc_no].filter(Boolean).join(' ') : '';
    lines.push('BEGIN:VEVENT',
      'UID:' + esc((d.id || 'deadline') + '-' + d.date) + '@claimcalc',
      'DTSTAMP:' + ts,
      'DTSTART;VALUE=DATE:' + d.date.replace(/-/g, ''),
      'DTEND;VALUE=DATE:' + nextDay(d.date).replace(/-/g, ''),
      'SUMMARY:' + esc(label),
      'DESCRIPTION:' + esc([rule, note, src].filter(Boolean).join('\n')),
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:' + esc(label), 'TRIGGER:-P3D', 'END:VALARM',
      'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
