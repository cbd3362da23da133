// Small DOM helpers shared by every part of the page. Never a style attribute or innerHTML (the CSP forbids them).
import { state } from './state.js';

export const $ = (id) => document.getElementById(id);

// A DOM node: h('p', {class: 'x', text: 'y', href: ...}, child, ...). on* attributes become listeners.
export function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids.flat()) if (kid !== null && kid !== undefined && kid !== false) el.append(kid);
  return el;
}

export function svg(tag, attrs) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) if (k === 'text') el.textContent = v; else el.setAttribute(k, v);
  return el;
}

// Changing the text is what screen readers announce; clear first so the same sentence is read again.
export function status(text) {
  $('status').textContent = '';
  setTimeout(() => { $('status').textContent = text; }, 30);
}

export async function copyText(text, input) {
  try { await navigator.clipboard.writeText(text); return true; } catch {
    if (input) { input.select(); try { return document.execCommand('copy'); } catch { return false; } }
    return false;
  }
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// The message of an engine error or of a tool, in a block that is hidden when there is none.
export function showBox(id, kids) {
  const box = $(id);
  const list = (Array.isArray(kids) ? kids : [kids]).filter((x) => x !== null && x !== undefined && x !== false && x !== '');
  box.hidden = !list.length;
  box.replaceChildren(...list);
}

// Marks an input as wrong, with the message in `span`, for screen readers too.
export function markInvalid(input, span, msg) {
  span.id = span.id || 'err' + ++state.errId;
  span.textContent = msg;
  span.hidden = false;
  if (input) { input.setAttribute('aria-invalid', 'true'); input.setAttribute('aria-describedby', span.id); }
}

export function clearInvalid(root) {
  for (const el of root.querySelectorAll('[aria-invalid]')) { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); }
  for (const el of root.querySelectorAll('.err')) { el.hidden = true; el.textContent = ''; }
}
