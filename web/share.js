// The request in the URL fragment: #r=base64url(UTF-8 JSON)&lang=en&big=1. The part after # never leaves the browser.
export function encodeRequest(request) {
  const bytes = new TextEncoder().encode(JSON.stringify(request));
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// Returns the request object, or null when the text is not one.
export function decodeRequest(text) {
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

// "#r=...&lang=en&big=1" -> {r, lang, big}
export function readHash(hash) {
  const out = {};
  for (const part of String(hash).replace(/^#/, '').split('&')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

// What a share link asks for: {present: a request was in it, request (null when unreadable), lang, big}.
export function readShare(hash) {
  const p = readHash(hash);
  return { present: 'r' in p, request: p.r ? decodeRequest(p.r) : null,
    lang: p.lang === 'en' || p.lang === 'zh' ? p.lang : null, big: p.big === '1' };
}

export function shareUrl(request, lang, big) {
  let frag = '#r=' + encodeRequest(request);
  if (lang === 'en') frag += '&lang=en';
  if (big) frag += '&big=1';
  return location.href.split('#')[0] + frag;
}
