// Registers the service worker (dist/sw.js, written by the build) so the lab
// works offline after the first visit. Production builds only (the dev server
// has no sw.js), and only where the browser allows one: a secure context
// (https, or localhost). When a new build takes over from an older one while
// the page is open, a notice offers a reload.
import { h } from '../ui/dom.js';

export function registerServiceWorker({ strings, noticeParent }) {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return null;
  const container = navigator.serviceWorker;
  let controlled = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    // the first worker taking over a page it did not serve changes nothing on screen
    if (!controlled) { controlled = true; return; }
    if (noticeParent.querySelector('.update-notice')) return;
    noticeParent.append(h('p', { class: 'update-notice note', role: 'status' },
      `${strings.offline.updated} `,
      h('button', { type: 'button', class: 'btn', text: strings.offline.reload, on: { click: () => location.reload() } })));
  });
  // sw.js sits next to index.html: relative, so the scope is wherever the lab is hosted.
  return container.register(new URL('./sw.js', document.baseURI), { scope: './' })
    .catch((error) => { console.warn(`The lab will not work offline: ${error.message}`); return null; });
}
