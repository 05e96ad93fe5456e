/**
 * The search page's only code before use: it registers <search-page>, hides the "needs
 * JavaScript" note, and loads the search itself at once when the URL carries a query, or
 * else on the first focus or keystroke.
 */
class SearchPage extends HTMLElement {
  connectedCallback(): void {
    const input = this.querySelector<HTMLInputElement>('input[data-search-input]');
    const note = this.querySelector<HTMLElement>('[data-search-js-note]');
    if (!input) return;
    if (note) note.hidden = true;
    // The results come after load; search-results.ts puts the reader back where they were.
    window.history.scrollRestoration = 'manual';
    const params = new URLSearchParams(window.location.search);
    input.value = params.get('q') ?? '';
    const upgrade = (): void => {
      this.removeEventListener('focusin', upgrade);
      this.removeEventListener('input', upgrade);
      void import('./search-results.ts').then((module) => module.attachSearchPage(this, input));
    };
    if (input.value.trim()) upgrade();
    else {
      this.addEventListener('focusin', upgrade);
      this.addEventListener('input', upgrade);
    }
  }
}

customElements.define('search-page', SearchPage);
