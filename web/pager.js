// 长辈模式 (large print): one screen at a time, with 上一步/下一步. Screens are the [data-screen] sections shown now.
import { $ } from './dom.js';
import { state } from './state.js';
import { t } from './words.js';

function screens() {
  return [...document.querySelectorAll('[data-screen]')].filter((s) => !s.hidden && !(s.closest('#result') && $('result').hidden));
}

export function updatePager() {
  const list = screens();
  document.documentElement.classList.toggle('elder', state.elder);
  $('pager').hidden = !state.elder;
  if (!state.elder) {
    for (const s of document.querySelectorAll('[data-screen]')) s.classList.remove('off');
    $('form').querySelector('.actions').classList.remove('off');
    return;
  }
  state.screen = Math.max(0, Math.min(state.screen, list.length - 1));
  for (const s of document.querySelectorAll('[data-screen]')) s.classList.toggle('off', s !== list[state.screen]);
  const cur = list[state.screen];
  $('form').querySelector('.actions').classList.toggle('off', !cur || cur.dataset.screen !== 'bill');
  $('pager_pos').textContent = t('pager_pos', { i: state.screen + 1, n: list.length });
  $('prev').disabled = state.screen === 0;
  $('next').disabled = state.screen >= list.length - 1;
}

export function gotoScreen(name, focus) {
  const list = screens();
  const i = list.findIndex((s) => s.dataset.screen === name);
  if (i < 0) return;
  state.screen = i;
  updatePager();
  if (!focus) return;
  const hd = list[i].querySelector('h2');
  if (hd) hd.focus();
  if (!state.elder) list[i].scrollIntoView({ block: 'start' });
}

// The screen that holds an element (opening its <details>), e.g. a field with an error.
export function gotoScreenOf(el) {
  const s = el.closest('[data-screen]');
  if (!s) return;
  const det = el.closest('details');
  if (det) det.open = true;
  gotoScreen(s.dataset.screen);
}

// Switched on after an estimate, large print opens at the answer, not back at the first question.
export function setElder(on) {
  state.elder = on;
  $('elder').setAttribute('aria-pressed', String(on));
  $('elder').textContent = t(on ? 'elder_off' : 'elder');
  state.screen = 0;
  if (on && state.last && !$('result').hidden) gotoScreen('r_head', true);
  else updatePager();
}

export function move(d) {
  const list = screens();
  if (d > 0 && list[state.screen] && list[state.screen].dataset.screen === 'bill') { $('form').requestSubmit(); return; }
  state.screen = Math.max(0, Math.min(list.length - 1, state.screen + d));
  updatePager();
  const hd = list[state.screen].querySelector('h2');
  if (hd) hd.focus();
  window.scrollTo(0, 0);
}
