#!/usr/bin/env python3
"""Builds a WARC 1.1 file (one gzip member per record) from the records
described in a small JSON spec. Used to regenerate sample/corpus/*.warc.gz
and test fixtures deterministically:

    tools/mkwarc.py SPEC.json OUT.warc.gz

SPEC is a list of {"type", "uri", "http_headers"?, "status"?, "body" |
"body_file", "chunked"?, "gzip"?, "content_type"?}.
"""
import gzip, io, json, sys, uuid, hashlib

def member(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(data)
    return buf.getvalue()

def record(r, n):
    body = r["body"].encode("utf-8") if "body" in r else open(r["body_file"], "rb").read()
    if r["type"] == "response":
        payload = body
        headers = [("Content-Type", r.get("content_type", "text/html; charset=utf-8"))]
        if r.get("gzip"):
            payload = gzip.compress(payload, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        if r.get("chunked"):
            out = b""
            for i in range(0, len(payload), 200):
                c = payload[i:i + 200]
                out += b"%x\r\n" % len(c) + c + b"\r\n"
            payload = out + b"0\r\n\r\n"
            headers.append(("Transfer-Encoding", "chunked"))
        else:
            headers.append(("Content-Length", str(len(payload))))
        status = r.get("status", 200)
        http = "HTTP/1.1 %d %s\r\n" % (status, "OK" if status == 200 else "Not Found")
        http += "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
        block = http.encode() + payload
        ctype = "application/http; msgtype=response"
    elif r["type"] == "resource":
        block = body
        ctype = r.get("content_type", "text/plain; charset=utf-8")
    else:
        block = body
        ctype = r.get("content_type", "application/warc-fields")
    rid = uuid.UUID(hashlib.md5(("%d%s" % (n, r.get("uri", ""))).encode()).hexdigest())
    head = ["WARC/1.1", "WARC-Type: " + r["type"], "WARC-Record-ID: <urn:uuid:%s>" % rid,
            "WARC-Date: 2031-03-16T12:00:00Z"]
    if r.get("uri"):
        head.append("WARC-Target-URI: " + r["uri"])
    head += ["Content-Type: " + ctype, "Content-Length: %d" % len(block)]
    return member(("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n")

def main():
    spec = json.load(open(sys.argv[1]))
    with open(sys.argv[2], "wb") as f:
        for n, r in enumerate(spec):
            f.write(record(r, n))

if __name__ == "__main__":
    main()
