/** Site-wide words shared by the layout and the pages. */
export const siteName = 'Meta AI 算力之爭・註解閱讀';
