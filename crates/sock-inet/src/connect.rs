//! [`create_connection`]: connect to the first address of a host that answers.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use sock_core::{Family, Protocol, Socket, Type};

/// The keyword arguments of `socket.create_connection`: `timeout`, `source_address` and
/// `all_errors`. Build with the methods (`ConnectOptions::new().timeout(...)`); the default
/// is Python's default for every argument.
#[derive(Clone, Debug, Default)]
pub struct ConnectOptions<'a> {
    /// `timeout`: `None` keeps each socket's default timeout (Python's
    /// `_GLOBAL_DEFAULT_TIMEOUT`); `Some(t)` calls `set_timeout(t)` on it before connecting
    /// (`Some(None)` is blocking).
    pub timeout: Option<Option<Duration>>,
    /// `source_address`: a `(host, port)` each socket binds to before connecting.
    pub source_address: Option<(&'a str, u16)>,
    /// `all_errors`: on failure, report every address's error ([`ConnectErrors`]) instead of
    /// the last one.
    pub all_errors: bool,
}

impl<'a> ConnectOptions<'a> {
    /// Python's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `timeout` (see the field).
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sets `source_address`.
    pub fn source_address(mut self, host: &'a str, port: u16) -> Self {
        self.source_address = Some((host, port));
        self
    }

    /// Sets `all_errors`.
    pub fn all_errors(mut self, all: bool) -> Self {
        self.all_errors = all;
        self
    }
}

/// Every address's failure of a [`create_connection`] with `all_errors` (Python's
/// `ExceptionGroup("create_connection failed", ...)`). It travels inside the returned
/// `io::Error` (whose kind is the last failure's); get it back with
/// [`ConnectErrors::from_io`].
#[derive(Debug)]
pub struct ConnectErrors {
    /// Each address tried, in order, with its error.
    pub errors: Vec<(SocketAddr, io::Error)>,
}

impl ConnectErrors {
    /// The `ConnectErrors` inside an `io::Error` returned by [`create_connection`], if any.
    pub fn from_io(err: &io::Error) -> Option<&ConnectErrors> {
        err.get_ref()?.downcast_ref::<ConnectErrors>()
    }
}

impl fmt::Display for ConnectErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "create_connection failed (")?;
        for (i, (addr, err)) in self.errors.iter().enumerate() {
            let sep = if i == 0 { "" } else { "; " };
            write!(f, "{sep}{addr}: {err}")?;
        }
        write!(f, ")")
    }
}

impl std::error::Error for ConnectErrors {}

/// `socket.create_connection(address, timeout, source_address, all_errors=False)`: resolves
/// `(host, port)` for `SOCK_STREAM` and tries each result in order (a socket of its family;
/// the timeout if one was given; a bind to `source_address` if given; `connect`), returning
/// the first connected socket.
///
/// Errors: resolution errors as they come (`sock_resolve::ResolveError` inside the
/// `io::Error`); when every address fails, the last error, or with `all_errors` an error of
/// the last one's kind that carries [`ConnectErrors`]; an empty result list is
/// "getaddrinfo returns an empty list".
///
/// ```no_run
/// use sock_inet::{create_connection, ConnectOptions};
/// use std::time::Duration;
/// let s = create_connection(("localhost", 8080), &ConnectOptions::new().timeout(Some(Duration::from_secs(3))))?;
/// s.send_all(b"hello")?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn create_connection(address: (&str, u16), options: &ConnectOptions<'_>) -> io::Result<Socket> {
    let (host, port) = address;
    let infos = sock_resolve::getaddrinfo(Some(host), port, 0, libc::SOCK_STREAM, 0, 0)?;
    let mut errors = Vec::new();
    for info in infos {
        match try_one(&info, options) {
            Ok(sock) => return Ok(sock),
            Err(e) => {
                if !options.all_errors {
                    errors.clear();
                }
                errors.push((info.addr, e));
            }
        }
    }
    Err(failure(errors, options.all_errors))
}

/// The error of a [`create_connection`] (sync or async) in which every address failed:
/// `errors` holds the last failure, or every failure with `all_errors`.
pub(crate) fn failure(mut errors: Vec<(SocketAddr, io::Error)>, all_errors: bool) -> io::Error {
    let Some((_, last)) = errors.last() else {
        return io::Error::other("getaddrinfo returns an empty list");
    };
    if !all_errors {
        return errors.pop().map_or_else(|| io::Error::other("create_connection failed"), |(_, e)| e);
    }
    let kind = last.kind();
    io::Error::new(kind, ConnectErrors { errors })
}

fn try_one(info: &sock_resolve::AddrInfo, options: &ConnectOptions<'_>) -> io::Result<Socket> {
    let sock = Socket::new(Family(info.family), Type(info.ty), Some(Protocol(info.proto)))?;
    if let Some(timeout) = options.timeout {
        sock.set_timeout(timeout)?;
    }
    bind_source(&sock, options)?;
    sock.connect(info.addr)?;
    Ok(sock)
}

/// Binds `sock` to `options.source_address`, if given.
pub(crate) fn bind_source(sock: &Socket, options: &ConnectOptions<'_>) -> io::Result<()> {
    match options.source_address {
        Some(source) => sock.bind(source),
        None => Ok(()),
    }
}
