"""Built-in plugin ``idlib_corpus.metadata``: headline, outlet, dateline, boilerplate lines."""

from __future__ import annotations

from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.model import Article, ArticleMetadata, Span


@hookimpl(trylast=True)
def idlib_article_metadata(article: Article) -> ArticleMetadata | None:
    text = article.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0:
        end = len(text)
    line = text[start:end].rstrip()
    if not line or len(line) > 200:
        return None
    return ArticleMetadata(title=line, title_span=Span(start, start + len(line)))
