/**
 * Message text as sanitized markdown. No raw HTML is ever rendered: react-markdown (without
 * rehype-raw, which must never be added) turns HTML in a message into the literal text it is, so
 * `<img onerror=…>` reads as text. Links keep only safe protocols (its default URL transform drops
 * `javascript:` and the like) and open in a new tab without a referrer; images become their alt text
 * (the CSP would refuse remote images anyway, and a card should not make the browser fetch things).
 */
import type { ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const components: Components = {
  a: ({ href, children }: ComponentProps<'a'>) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
  img: ({ alt }: ComponentProps<'img'>) => <span className="image-alt">{alt ? `[${alt}]` : ''}</span>,
};

/** Renders `text` as markdown, safely. */
export function MessageMarkdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
