import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import YAML from 'yaml';
import { DocumentMetaSchema } from '../core/corpus/corpus.ts';
import type { DocumentMeta } from '../core/types.ts';

/** Elements that end one paragraph and start another; text anywhere else joins the paragraph around it. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);
/** HTML collapses ASCII whitespace only: a no-break space is the page's own choice and stays. */
const HTML_WHITESPACE = /[ \t\n\f\r]+/gu;
/**
 * Readability's test for "is there an article", loosened from its defaults
 * (paragraphs of 140 characters, score 20) so that a news brief of two
 * sentence-long paragraphs counts; a page of links and a greeting still does not.
 */
const READERABLE = { minContentLength: 80, minScore: 10 };
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** What the walk reads of a DOM node (the project compiles without the DOM's own types). */
interface PageNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly textContent: string | null;
  readonly childNodes: Iterable<PageNode>;
}

type WebArticle = { markdown: string; meta: DocumentMeta; paragraphs: number } | { refusal: string };

/**
 * The article's text as paragraphs, one per block element, in page order.
 * Plain paragraphs rather than Markdown (turndown): the stored text is what
 * answers quote verbatim, and Markdown would put link targets, emphasis
 * marks and escapes into every quotation.
 */
function paragraphsOf(root: PageNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const paragraph = current.replace(HTML_WHITESPACE, ' ').trim();
    if (paragraph !== '') paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: PageNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const block = BLOCKS.has(node.localName ?? '');
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}

/** Keeps a field only when the corpus loader would accept it. */
function acceptedField<K extends keyof DocumentMeta>(field: K, value: string | null | undefined): Pick<DocumentMeta, K> | Record<string, never> {
  const cleaned = value?.replace(HTML_WHITESPACE, ' ').trim();
  if (!cleaned) return {};
  const parsed = DocumentMetaSchema.shape[field].safeParse(cleaned);
  return parsed.success && parsed.data !== undefined ? ({ [field]: parsed.data } as Pick<DocumentMeta, K>) : {};
}

/**
 * A saved web page as a Markdown document: YAML front matter with what the
 * page itself states (title, byline, site name, the date of its published
 * time, canonical URL) and the article Readability finds, as paragraphs
 * separated by blank lines. A page that is not HTML or holds no article is
 * refused with the reason.
 */
export function webPageToArticle(html: string): WebArticle {
  const { document } = parseHTML(html);
  if (document.documentElement?.localName !== 'html') return { refusal: 'it is not a web page: it has no <html> element' };
  // Read before Readability, which rewrites the document as it goes.
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  if (!isProbablyReaderable(document, READERABLE)) return { refusal: 'no article found in the page (too little running text; it may be a front page, a login page or a gallery)' };
  const article = new Readability<PageNode>(document, { serializer: (node) => node as PageNode }).parse();
  const paragraphs = article?.content ? paragraphsOf(article.content) : [];
  if (!article || paragraphs.length === 0) return { refusal: 'no article found in the page' };
  const meta: DocumentMeta = {
    ...acceptedField('title', article.title),
    ...acceptedField('publisher', article.siteName),
    // A byline reads "By Jane Roe"; the author field holds the name.
    ...acceptedField('author', article.byline?.replace(/^\s*by\s+/iu, '')),
    // The date as the page writes it in its own time zone: "2025-07-24T23:10:00-04:00" is the 24th.
    ...acceptedField('date', /^\d{4}-\d{2}-\d{2}/u.exec(article.publishedTime ?? '')?.[0]),
    ...acceptedField('url', canonical),
  };
  const frontMatter = Object.keys(meta).length > 0 ? `---\n${YAML.stringify(meta, { lineWidth: 0 })}---\n\n` : '';
  return { markdown: `${frontMatter}${paragraphs.join('\n\n')}\n`, meta, paragraphs: paragraphs.length };
}
