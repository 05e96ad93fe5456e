/**
 * The only search code a page loads before use: it registers <site-search> and the "/"
 * shortcut. The search engine, its index and the results UI are imported on first focus
 * or keystroke, never on page load.
 */

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

class SiteSearch extends HTMLElement {
  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[data-search-input]');
    if (!input) return;
    const upgrade = (): void => {
      input.removeEventListener('focus', upgrade);
      input.removeEventListener('input', upgrade);
      void import('./search-box.ts').then((module) => module.attachSearchBox(this, input));
    };
    input.addEventListener('focus', upgrade);
    input.addEventListener('input', upgrade);
    // A query typed before this script ran must not be lost.
    if (document.activeElement === input || input.value) upgrade();
  }
}

customElements.define('site-search', SiteSearch);

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
  // On the search page its own field takes the shortcut; elsewhere the header box does.
  const input =
    document.querySelector<HTMLInputElement>('[data-search-page] input[type=search]') ??
    document.querySelector<HTMLInputElement>('site-search input[type=search]');
  if (!input) return;
  event.preventDefault();
  input.focus();
  input.select();
});
