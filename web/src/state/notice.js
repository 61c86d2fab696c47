// The words of the URL notice: one line per issue that decodeQuery found,
// in the page's language (strings.state). No DOM: node tests check the text.
import { IGNORED } from './codec.js';

/** One sentence for one issue. */
export function issueText(issue, s) {
  const n = s.notice;
  switch (issue.kind) {
    case 'unknown': return n.unknown(issue.key);
    case 'type': return n.type(issue.key, issue.raw, n.expected[issue.expected]);
    case 'range': return n.range(issue.key, issue.raw, issue.limits);
    case 'choice': return n.choice(issue.key, issue.raw, issue.limits);
    case 'length': return n.length(issue.key, issue.limits);
    case 'list': return n.list(issue.key, issue.raw, issue.limits.count, issue.limits.range);
    case 'encoding': return issue.key ? n.encoding(issue.key, issue.raw) : n.encodingKey(issue.raw);
    case 'version': return n.version(issue.raw, issue.expected);
    case 'legacy': return n.legacy;
    case 'upload': return n.upload;
    default: return issue.kind;
  }
}

/** { title, lines } for a list of issues, or null when there is nothing to say. */
export function noticeText(issues, s) {
  if (!issues.length) return null;
  const ignored = issues.filter((i) => IGNORED.has(i.kind));
  return {
    title: ignored.length ? s.notice.titleIgnored(ignored.length) : s.notice.titleInfo,
    lines: issues.map((issue) => issueText(issue, s)),
  };
}
