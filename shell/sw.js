// shell/sw.js — the offline shell (service worker). tools/package_web.py fills in the version and the
// list of the app's files. With the server unreachable, the page still opens from this cache and shows
// the sites last loaded; everything else (booking, sign-in) needs the network and says so.
//   the page and the app's files: from the cache when the network fails (hashed files: cache first)
//   GET /api/v1/sites...: network first, the last answer kept; a cached answer carries X-Gongyou-Offline
//   every other request: the network only
'use strict';
const VERSION = '{{version}}';
const SHELL = `gongyou-shell-${VERSION}`;
const DATA = 'gongyou-sites';
const ASSETS = {{assets}};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(['./', ...ASSETS])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('gongyou-shell-') && n !== SHELL).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

/** The cached answer, marked so the app knows it is offline. */
async function offlineCopy(response) {
  const headers = new Headers(response.headers);
  headers.set('X-Gongyou-Offline', '1');
  return new Response(await response.blob(), { status: response.status, headers });
}

async function sitesNetworkFirst(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(request);
    if (cached) return offlineCopy(cached);
    throw e;
  }
}

async function shellFirstOrNetwork(request, cacheFirst) {
  const cache = await caches.open(SHELL);
  if (cacheFirst) {
    const cached = await cache.match(request);
    if (cached) return cached;
  }
  try {
    return await fetch(request);
  } catch (e) {
    const cached = await cache.match(request.mode === 'navigate' ? './' : request);
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/v1/sites')) {
    event.respondWith(sitesNetworkFirst(request));
  } else if (url.pathname.startsWith('/api/')) {
    return;  // accounts, bookings, courses: live answers only
  } else {
    event.respondWith(shellFirstOrNetwork(request, ASSETS.includes(url.pathname.slice(1))));
  }
});
