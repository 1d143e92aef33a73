//! A guard in front of tower-lsp's reader. Its framed reader ends the stream at the first
//! message it cannot decode, which would end the server on one stray byte. This task reads
//! standard input itself, passes every well-formed message through unchanged, and replaces
//! each malformed one with a request for `hirelint/invalidMessage`, which the server answers
//! with the JSON-RPC error (`-32700` parse error, `-32600` invalid request), in order with
//! every other response.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp_server::jsonrpc::{self, Request, Response};
use tracing::warn;

/// The method of the stand-in request.
pub const INVALID_MESSAGE: &str = "hirelint/invalidMessage";

/// A message larger than this is skipped as invalid, never buffered.
const MAX_MESSAGE: usize = 64 << 20;

/// Why the filter stopped.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// The `exit` notification went through.
    Exit,
    /// End of input, or the server stopped reading.
    Closed,
}

/// Copies messages from `input` to `output` until `exit` or the end of `input`.
/// `on_initialize` sees the raw params of `initialize`, for capabilities ls-types drops.
pub async fn filter(
    input: impl AsyncRead + Unpin,
    mut output: impl AsyncWrite + Unpin,
    mut on_initialize: impl FnMut(&Value),
) -> Ended {
    let mut input = BufReader::new(input);
    let mut ended = Ended::Closed;
    loop {
        let frame = match read_frame(&mut input).await {
            Ok(Some(frame)) => frame,
            Ok(None) | Err(_) => break,
        };
        let mut exit = false;
        let body = match frame {
            Frame::Body(body) => match classify(&body) {
                Valid::Yes {
                    exit: e,
                    initialize,
                } => {
                    exit = e;
                    if let Some(params) = initialize {
                        on_initialize(&params);
                    }
                    body
                }
                Valid::No { code, id } => {
                    warn!(
                        code,
                        "invalid message on standard input; answered with an error"
                    );
                    stand_in(code, id)
                }
            },
            Frame::BadHeader => {
                warn!("garbage on standard input; answered with a parse error");
                stand_in(jsonrpc::ErrorCode::ParseError.code(), Value::Null)
            }
        };
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let written = async {
            output.write_all(header.as_bytes()).await?;
            output.write_all(&body).await?;
            output.flush().await
        };
        if written.await.is_err() {
            break;
        }
        if exit {
            ended = Ended::Exit;
            break;
        }
    }
    let _ = output.shutdown().await;
    ended
}

enum Frame {
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`, or a body too large.
    BadHeader,
}

enum Valid {
    Yes {
        exit: bool,
        /// The params of an `initialize` request.
        initialize: Option<Value>,
    },
    No {
        code: i64,
        id: Value,
    },
}

/// Whether tower-lsp can decode `body`; if not, the error and the request id, if any.
fn classify(body: &[u8]) -> Valid {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return Valid::No {
            code: jsonrpc::ErrorCode::ParseError.code(),
            id: Value::Null,
        };
    };
    if serde_json::from_value::<Response>(value.clone()).is_ok() {
        return Valid::Yes {
            exit: false,
            initialize: None,
        };
    }
    if let Ok(request) = serde_json::from_value::<Request>(value.clone()) {
        let initialize = (request.method() == "initialize")
            .then(|| value.get("params").cloned())
            .flatten();
        return Valid::Yes {
            exit: request.method() == "exit",
            initialize,
        };
    }
    let id = value
        .get("id")
        .filter(|id| id.is_string() || id.is_i64() || id.is_u64())
        .cloned()
        .unwrap_or(Value::Null);
    Valid::No {
        code: jsonrpc::ErrorCode::InvalidRequest.code(),
        id,
    }
}

fn stand_in(code: i64, id: Value) -> Vec<u8> {
    json!({ "jsonrpc": "2.0", "id": id, "method": INVALID_MESSAGE, "params": { "code": code } })
        .to_string()
        .into_bytes()
}

/// The error the stand-in request is answered with.
pub fn error_for(params: &Value) -> jsonrpc::Error {
    let code = params.get("code").and_then(Value::as_i64);
    if code == Some(jsonrpc::ErrorCode::InvalidRequest.code()) {
        jsonrpc::Error::invalid_request()
    } else {
        jsonrpc::Error::parse_error()
    }
}

/// Reads one header block and its body. `Ok(None)` at the end of input.
async fn read_frame(input: &mut (impl AsyncBufReadExt + Unpin)) -> std::io::Result<Option<Frame>> {
    let mut length: Option<usize> = None;
    let mut bad = false;
    let mut saw_any = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = input.read_until(b'\n', &mut line).await?;
        if n == 0 {
            return Ok(saw_any.then_some(Frame::BadHeader));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !saw_any {
                continue; // Stray blank lines between messages.
            }
            break;
        }
        saw_any = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad = true,
                }
            }
            Some((name, _)) if name.trim().eq_ignore_ascii_case("content-type") => {}
            _ => bad = true,
        }
    }
    match length {
        Some(n) if !bad && n <= MAX_MESSAGE => {
            let mut body = vec![0; n];
            input.read_exact(&mut body).await?;
            Ok(Some(Frame::Body(body)))
        }
        Some(n) if !bad => {
            // Too large: skip its body.
            let skipped =
                tokio::io::copy(&mut input.take(n as u64), &mut tokio::io::sink()).await?;
            if skipped < n as u64 {
                return Ok(None);
            }
            Ok(Some(Frame::BadHeader))
        }
        _ => Ok(Some(Frame::BadHeader)),
    }
}
