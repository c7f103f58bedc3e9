//! [`create_connection`]: connect to the first address of a host that answers.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use sock_core::{ErrorContext, Socket, Type};

use crate::form::HostPort;

/// The keyword arguments of `socket.create_connection`: `timeout`, `source_address` and
/// `all_errors`. Build with the methods (`ConnectOptions::new().timeout(...)`); the default
/// is Python's default for every argument.
///
/// ```
/// use std::time::Duration;
/// use sock::inet::ConnectOptions;
/// // Python: create_connection(addr, timeout=2.5, source_address=("127.0.0.1", 0), all_errors=True)
/// let options = ConnectOptions::new()
///     .timeout(Some(Duration::from_millis(2500)))
///     .source_address("127.0.0.1", 0)
///     .all_errors(true);
/// assert_eq!(options.timeout, Some(Some(Duration::from_millis(2500))));
/// assert_eq!(options.source_address, Some(("127.0.0.1", 0)));
/// ```
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
    ///
    /// ```
    /// let options = sock::inet::ConnectOptions::new();
    /// assert_eq!((options.timeout, options.source_address, options.all_errors), (None, None, false));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `timeout` (see the field).
    ///
    /// ```
    /// use std::time::Duration;
    /// let blocking = sock::inet::ConnectOptions::new().timeout(None);
    /// assert_eq!(blocking.timeout, Some(None));
    /// let bounded = sock::inet::ConnectOptions::new().timeout(Some(Duration::from_secs(3)));
    /// assert_eq!(bounded.timeout, Some(Some(Duration::from_secs(3))));
    /// ```
    pub fn timeout(mut self, timeout: Option<Duration>) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Sets `source_address`.
    ///
    /// ```
    /// let options = sock::inet::ConnectOptions::new().source_address("::1", 0);
    /// assert_eq!(options.source_address, Some(("::1", 0)));
    /// ```
    pub fn source_address(mut self, host: &'a str, port: u16) -> Self {
        self.source_address = Some((host, port));
        self
    }

    /// Sets `all_errors`.
    ///
    /// ```
    /// assert!(sock::inet::ConnectOptions::new().all_errors(true).all_errors);
    /// ```
    pub fn all_errors(mut self, all: bool) -> Self {
        self.all_errors = all;
        self
    }
}

/// Every address's failure of a [`create_connection`] with `all_errors` (Python's
/// `ExceptionGroup("create_connection failed", ...)`). It travels inside the returned
/// `io::Error` (whose kind is the last failure's), behind a
/// [`sock::ErrorContext`](sock_core::ErrorContext) naming `create_connection` and the
/// `host:port` asked for; get it back with [`ConnectErrors::from_io`].
///
/// ```
/// use sock::inet::{create_connection, ConnectErrors, ConnectOptions};
/// // A port where nothing listens: bound, never listening.
/// let closed = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
/// closed.bind(("127.0.0.1", 0))?;
/// let port = closed.local_addr()?.as_socket().unwrap().port();
/// let err = create_connection(("127.0.0.1", port), &ConnectOptions::new().all_errors(true)).unwrap_err();
/// let group = ConnectErrors::from_io(&err).unwrap();
/// assert_eq!(group.errors.len(), 1);
/// assert_eq!(sock::errno(&group.errors[0].1), Some(libc::ECONNREFUSED));
/// assert_eq!(
///     err.to_string(),
///     format!("create_connection 127.0.0.1:{port}: every address failed: connect 127.0.0.1:{port}: Connection refused (ECONNREFUSED)")
/// );
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct ConnectErrors {
    /// Each address tried, in order, with its error.
    pub errors: Vec<(SocketAddr, io::Error)>,
}

impl ConnectErrors {
    /// The `ConnectErrors` inside an `io::Error` returned by [`create_connection`], if any.
    ///
    /// ```
    /// use sock::inet::{create_connection, ConnectErrors, ConnectOptions};
    /// let closed = sock::Socket::new(sock::Family::INET6, sock::Type::STREAM, None)?;
    /// closed.bind(("::1", 0))?;
    /// let port = closed.local_addr()?.as_socket().unwrap().port();
    /// let one = create_connection(("::1", port), &ConnectOptions::new()).unwrap_err();
    /// assert!(ConnectErrors::from_io(&one).is_none()); // without all_errors: the last error
    /// let all = create_connection(("::1", port), &ConnectOptions::new().all_errors(true)).unwrap_err();
    /// assert_eq!(ConnectErrors::from_io(&all).map(|g| g.errors.len()), Some(1));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_io(err: &io::Error) -> Option<&ConnectErrors> {
        let inner = err.get_ref()?;
        if let Some(ctx) = inner.downcast_ref::<ErrorContext>() {
            return ConnectErrors::from_io(ctx.inner());
        }
        inner.downcast_ref::<ConnectErrors>()
    }
}

impl fmt::Display for ConnectErrors {
    /// `every address failed: ` and each error, `; `-separated; an error that does not name
    /// its address is preceded by it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("every address failed: ")?;
        for (i, (addr, err)) in self.errors.iter().enumerate() {
            let sep = if i == 0 { "" } else { "; " };
            match ErrorContext::of(err) {
                Some(_) => write!(f, "{sep}{err}")?,
                None => write!(f, "{sep}{addr}: {err}")?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for ConnectErrors {}

/// `socket.create_connection(address, timeout, source_address, all_errors=False)`: resolves
/// `(host, port)` for `SOCK_STREAM` and tries each result in order (a socket of its family;
/// the timeout if one was given; a bind to `source_address` if given; `connect`), returning
/// the first connected socket.
///
/// Errors name `create_connection` and the `host:port` asked for:
///
/// - resolution errors are getaddrinfo's (`getaddrinfo nosuch.invalid:80: Name or service not
///   known (EAI_NONAME)`, `sock::ResolveError` inside); an empty result list is
///   `create_connection host:port: getaddrinfo returns an empty list`;
/// - when every address fails, the last failure: an OS error reads `create_connection
///   localhost:8080 ([::1]:8080): Connection refused (ECONNREFUSED)` (the address tried in
///   parentheses when it differs from what was asked), keeps its kind, and
///   [`sock::errno`](sock_core::errno) reads its code; other errors (a timeout) come as they are;
/// - with `all_errors`, an error of the last failure's kind carrying [`ConnectErrors`].
///
/// ```
/// use std::time::Duration;
/// use sock::inet::{create_connection, create_server, ConnectOptions, ServerOptions};
/// let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
/// let port = server.local_addr()?.as_socket().unwrap().port();
/// let options = ConnectOptions::new().timeout(Some(Duration::from_secs(3)));
/// let s = create_connection(("127.0.0.1", port), &options)?;
/// s.send_all(b"hello")?;
/// let (conn, _) = server.accept()?;
/// assert_eq!(conn.recv_vec(5)?, b"hello");
/// drop((s, conn, server));
/// let refused = create_connection(("127.0.0.1", port), &ConnectOptions::new()).unwrap_err();
/// assert_eq!(refused.to_string(), format!("create_connection 127.0.0.1:{port}: Connection refused (ECONNREFUSED)"));
/// assert_eq!(sock::errno(&refused), Some(libc::ECONNREFUSED));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn create_connection(address: (&str, u16), options: &ConnectOptions<'_>) -> io::Result<Socket> {
    let (host, port) = address;
    let infos = sock_resolve::getaddrinfo(Some(host), port, 0, Type::STREAM, 0, 0)?;
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
    Err(failure(Asked(host, port), errors, options.all_errors))
}

/// The `(host, port)` a [`create_connection`] was asked for, as its errors name it:
/// `host:port`, `[v6]:port`.
#[derive(Clone, Copy)]
pub(crate) struct Asked<'a>(pub(crate) &'a str, pub(crate) u16);

impl fmt::Display for Asked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.contains(':') {
            true => write!(f, "[{}]:{}", self.0, self.1),
            false => write!(f, "{}:{}", self.0, self.1),
        }
    }
}

/// The error of a [`create_connection`] (sync or async) in which every address failed:
/// `errors` holds the last failure, or every failure with `all_errors`.
#[cold]
pub(crate) fn failure(asked: Asked<'_>, mut errors: Vec<(SocketAddr, io::Error)>, all_errors: bool) -> io::Error {
    const OP: &str = "create_connection";
    let Some((_, last)) = errors.last() else {
        let empty = io::Error::other("getaddrinfo returns an empty list");
        return ErrorContext::new(empty, asked).operation(OP).into();
    };
    let kind = last.kind();
    if all_errors {
        return ErrorContext::new(io::Error::new(kind, ConnectErrors { errors }), asked).operation(OP).into();
    }
    let Some((addr, last)) = errors.pop() else { unreachable!("checked above") };
    match sock_core::errno(&last) {
        Some(code) => {
            let target = match addr.to_string() == asked.to_string() {
                true => asked.to_string(),
                false => format!("{asked} ({addr})"),
            };
            ErrorContext::new(io::Error::from_raw_os_error(code), target).operation(OP).into()
        }
        None => last,
    }
}

fn try_one(info: &sock_resolve::AddrInfo, options: &ConnectOptions<'_>) -> io::Result<Socket> {
    let sock = Socket::new(info.family, info.ty, info.protocol)?;
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
        Some((host, port)) => sock.bind(HostPort(host, port)),
        None => Ok(()),
    }
}
