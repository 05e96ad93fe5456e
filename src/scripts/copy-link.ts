/**
 * <copy-link> wraps a "#" link to a place on the page and, where the Clipboard API exists,
 * adds a button that copies the absolute URL of that place. Without this script the link
 * itself still works; nothing is fetched.
 */
const simplified = document.documentElement.lang === 'zh-Hans';
const copyWord = simplified ? '复制链接' : '複製連結';
const doneWord = simplified ? '已复制' : '已複製';
const doneAnnouncement = simplified ? '已复制链接' : '已複製連結';
let liveRegion: HTMLElement | undefined;

function announce(text: string): void {
  const region = liveRegion ?? document.createElement('p');
  if (!liveRegion) {
    region.setAttribute('role', 'status');
    region.className = 'visually-hidden';
    document.body.append(region);
    liveRegion = region;
  }
  region.textContent = '';
  // A fresh text node after clearing makes screen readers announce repeated copies too.
  setTimeout(() => (region.textContent = text), 50);
}

class CopyLink extends HTMLElement {
  connectedCallback(): void {
    const link = this.querySelector('a');
    if (!link || !navigator.clipboard || this.querySelector('button')) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = copyWord;
    button.addEventListener('click', () => {
      void navigator.clipboard.writeText(link.href).then(() => {
        // The button says so for a moment, and screen readers hear it.
        button.dataset.done = '';
        button.textContent = doneWord;
        announce(doneAnnouncement);
        setTimeout(() => {
          delete button.dataset.done;
          button.textContent = copyWord;
        }, 2000);
      });
    });
    this.append(button);
  }
}

customElements.define('copy-link', CopyLink);
