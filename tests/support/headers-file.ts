/** One rule of a `_headers` file: a path pattern and what it sets or detaches. */
interface Rule {
  pattern: string;
  set: [string, string][];
  detach: string[];
}

function parse(file: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of file.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header line before any path: ${line}`);
    const detached = /^\s*!\s*(\S+)/.exec(line);
    if (detached) rule.detach.push(detached[1].toLowerCase());
    else {
      const [name, ...value] = line.trim().split(':');
      rule.set.push([name.toLowerCase(), value.join(':').trim()]);
    }
  }
  return rules;
}

/** The headers a Cloudflare-Pages-like host sends for `path`, rules applied in file order. */
export function headersFor(file: string, path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of parse(file)) {
    const matches = rule.pattern.endsWith('*') ? path.startsWith(rule.pattern.slice(0, -1)) : path === rule.pattern;
    if (!matches) continue;
    for (const name of rule.detach) delete headers[name];
    for (const [name, value] of rule.set) headers[name] = value;
  }
  return headers;
}
