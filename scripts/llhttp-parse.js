// Parses requests with Node's own HTTP/1.1 parser (llhttp), for the differential test of Tulip's
// parser. Reads one base64 request stream per line on stdin; writes one JSON line per input:
// {"messages":[{method,url,version,headers:[[name,value]...],body(hex)}], "error": code|null}.
'use strict';
const { HTTPParser, methods } = require('_http_common');
const readline = require('readline');

function parse(buf) {
  const messages = [];
  let current = null;
  let pending = [];
  const p = new HTTPParser();
  p.initialize(HTTPParser.REQUEST, {});
  p[HTTPParser.kOnHeaders] = (headers) => { pending = pending.concat(headers); };
  p[HTTPParser.kOnHeadersComplete] = (major, minor, headers, method, url) => {
    const all = pending.concat(headers || []);
    pending = [];
    const pairs = [];
    for (let i = 0; i < all.length; i += 2) pairs.push([all[i], all[i + 1]]);
    current = { method: methods[method], url, version: major + '.' + minor, headers: pairs, body: [] };
  };
  p[HTTPParser.kOnBody] = (b) => { current.body.push(Buffer.from(b).toString('hex')); };
  p[HTTPParser.kOnMessageComplete] = () => {
    current.body = current.body.join('');
    messages.push(current);
    current = null;
  };
  p[HTTPParser.kOnExecute] = () => {};
  let error = null;
  const r = p.execute(buf);
  if (r instanceof Error) error = r.code;
  else {
    const f = p.finish();
    if (f instanceof Error) error = f.code;
  }
  p.close();
  return { messages, error, incomplete: current !== null };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  let out;
  try {
    out = parse(Buffer.from(line, 'base64'));
  } catch (e) {
    out = { messages: [], error: 'THROWN ' + e.message };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
});
