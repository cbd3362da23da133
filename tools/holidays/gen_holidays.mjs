// Writes the national holiday calendar as C++ (engine/core/holidays.hpp's data) from the npm package chinese-days,
// for the years the notices in notices.json cover. Usage: node gen_holidays.mjs <node_modules dir> <out.cpp>
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [modules, out] = process.argv.slice(2);
const pkgDir = join(modules, 'chinese-days');
const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const data = JSON.parse(readFileSync(join(pkgDir, 'dist', 'chinese-days.json'), 'utf8'));
const here = dirname(fileURLToPath(import.meta.url));
const notices = JSON.parse(readFileSync(join(here, 'notices.json'), 'utf8')).notices;

const first = Math.min(...notices.map((n) => n.year));
const last = Math.max(...notices.map((n) => n.year));
const inRange = (d) => Number(d.slice(0, 4)) >= first && Number(d.slice(0, 4)) <= last;
const ints = (obj) => Object.keys(obj).filter(inRange).sort().map((d) => d.replaceAll('-', ''));
const off = ints(data.holidays);
const work = ints(data.workdays);
for (let y = first; y <= last; ++y) {
  if (!off.some((d) => d.startsWith(String(y)))) throw new Error(`chinese-days ${version} has no holidays for ${y}`);
}
const esc = (s) => JSON.stringify(s);
const lines = [
  '// Generated at build time by tools/holidays/gen_holidays.mjs from the npm package chinese-days; do not edit.',
  '#include "engine/core/holidays.hpp"',
  '',
  'namespace claimcalc {',
  '',
  'namespace {',
  `constexpr std::int32_t kDaysOff[] = {${off.join(', ')}};`,
  `constexpr std::int32_t kWorkdays[] = {${work.join(', ')}};`,
  'constexpr HolidayNotice kNotices[] = {',
  ...notices.map((n) => `    {${n.year}, ${esc(n.title)}, ${esc(n.doc_no)}, ${esc(n.date)}, ${esc(n.url)}},`),
  '};',
  '}  // namespace',
  '',
  'const HolidayCalendar& national_holiday_calendar() {',
  `  static const HolidayCalendar calendar{${first}, ${last}, kDaysOff, sizeof kDaysOff / sizeof kDaysOff[0], kWorkdays,`,
  `                                       sizeof kWorkdays / sizeof kWorkdays[0], kNotices,`,
  `                                       sizeof kNotices / sizeof kNotices[0], "chinese-days ${version}"};`,
  '  return calendar;',
  '}',
  '',
  '}  // namespace claimcalc',
  '',
];
writeFileSync(out, lines.join('\n'));
