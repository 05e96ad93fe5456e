import { describe, expect, it } from 'vitest';
import { articleFigures, byArticle, newestFirst, reportersPhrase } from '../../src/lib/pages/archive.ts';

const dated = (id: string, value: string) => ({ id, data: { date: { value } } });

describe('newestFirst', () => {
  it('orders stories by the latest day their date allows, whatever the folder order', () => {
    const order = newestFirst([dated('a-old', '2023-08'), dated('b-year', '2023'), dated('c-new', '2023-12'), dated('d-day', '2023-12-05')]);
    expect(order.map((article) => article.id)).toEqual(['c-new', 'b-year', 'd-day', 'a-old']);
  });
});

describe('reportersPhrase', () => {
  it('says "文章" for the one article and counts the articles of an archive', () => {
    expect(reportersPhrase(1)).toBe('文章');
    expect(reportersPhrase(2)).toBe('2 篇文章');
    expect(reportersPhrase(1000)).toBe('1000 篇文章');
  });
});

describe('articleFigures', () => {
  const anchored = (article: string) => ({ data: { anchor: { article } } });
  it('counts only what one article names, dates and says', () => {
    const site = {
      people: [{ id: 'lample' }, { id: 'pineau' }, { id: 'nobody' }],
      mentions: new Map([['lample', [{ article: 'first' }, { article: 'second' }]], ['pineau', [{ article: 'first' }]]]),
      events: [anchored('first'), anchored('second'), anchored('second')],
      claims: [anchored('first')],
      articles: [{ id: 'first', data: { corrections: { instances: [1, 2, 3] } } }, { id: 'second', data: { corrections: { instances: [1] } } }],
    };
    expect(articleFigures('first', site)).toEqual({ peopleNamed: 2, events: 1, claims: 1, repairs: 3 });
    expect(articleFigures('second', site)).toEqual({ peopleNamed: 1, events: 2, claims: 0, repairs: 1 });
  });
});

describe('byArticle', () => {
  it('groups anchors by article in the given order, keeping document order within each', () => {
    const anchors = [{ article: 'second', n: 1 }, { article: 'first', n: 2 }, { article: 'second', n: 3 }];
    expect(byArticle(anchors, ['first', 'second'])).toEqual([
      { article: 'first', anchors: [{ article: 'first', n: 2 }] },
      { article: 'second', anchors: [{ article: 'second', n: 1 }, { article: 'second', n: 3 }] },
    ]);
  });
});
