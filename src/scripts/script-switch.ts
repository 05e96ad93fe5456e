// Keeps the reader's place when switching script: the twin pages share every id, so the
// current fragment is valid on the other side (and the search page's ?q= query too).
// Without JavaScript the link opens the twin's top.
const syncSwitchLinks = (): void => {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-script-switch]')) {
    link.search = location.search;
    link.hash = location.hash;
  }
};

syncSwitchLinks();
addEventListener('hashchange', syncSwitchLinks);
// Capture phase, before the browser follows the link: covers fragments set without a hashchange event.
addEventListener('click', syncSwitchLinks, true);
