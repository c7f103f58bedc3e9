//! [`ResolveError`]: a failure of the resolver itself (Python's `gaierror` and `herror`),
//! and how every function of this crate turns it into the [`io::Error`] it returns.

use std::fmt;
use std::io;

use libc::c_int;

use sock_core::ErrorContext;

use crate::consts::*;
use crate::sys;

/// Which part of the resolver reported a [`ResolveError`] (or that none was asked): Python's
/// exception class.
///
/// ```
/// use sock::resolve::{ResolveError, ResolveErrorClass};
/// let err = sock::getaddrinfo(Some("localhost"), 80, 0, 0, 0, sock::consts::AI_NUMERICHOST).unwrap_err();
/// assert_eq!(ResolveError::from_io(&err).unwrap().class(), ResolveErrorClass::AddrInfo);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResolveErrorClass {
    /// `getaddrinfo`/`getnameinfo`: the code is an `EAI_*` constant (Python's `gaierror`).
    AddrInfo,
    /// The host database (`gethostbyname_ex`, `gethostbyaddr`): the code is an `h_errno`
    /// value such as `HOST_NOT_FOUND` (Python's `herror`).
    HostDb,
    /// A caller mistake caught before any resolver was asked (Python's `ValueError` or
    /// `OverflowError`): a NUL character in a name, an IPv6 flowinfo over 20 bits. The code is
    /// 0 and the message names the argument; its kind is [`io::ErrorKind::InvalidInput`].
    InvalidArgument,
}

/// A resolver error: the `EAI_*` or `h_errno` code, libc's message for it, and for
/// `EAI_SYSTEM` the `errno` behind it. Python's `gaierror` and `herror`.
///
/// Every function of this crate returns [`io::Result`]; a resolver failure travels inside the
/// `io::Error`, behind a [`sock::ErrorContext`](sock_core::ErrorContext) that names the
/// operation and what it looked up:
///
/// - the message reads `getaddrinfo nosuch.invalid:80: Name or service not known (EAI_NONAME)`,
///   `gethostbyaddr 192.0.2.1: Unknown host (HOST_NOT_FOUND)`;
/// - [`io::Error::kind`] is [`ResolveError::kind`]: `NotFound` for a name, address or service
///   that is not known (`EAI_NONAME`, `EAI_NODATA`, `EAI_ADDRFAMILY`, `EAI_SERVICE`,
///   `HOST_NOT_FOUND`, `NO_DATA`), `InvalidInput` for a request the resolver refuses
///   (`EAI_BADFLAGS`, `EAI_FAMILY`, `EAI_SOCKTYPE`) and for bad arguments, `OutOfMemory` for
///   `EAI_MEMORY`, and `Other` for the rest — including the temporary failures `EAI_AGAIN`
///   and `TRY_AGAIN` (not `TimedOut`: Python does not raise them as `socket.timeout`, and not
///   `WouldBlock`, which loops retry at once; ask [`ResolveError::is_temporary`]);
/// - [`ResolveError::from_io`] gives the typed error back, with its [`code`](Self::code).
///
/// `EAI_SYSTEM` (and the host database's `NETDB_INTERNAL`) with an `errno` is that OS error
/// instead, named the same way: its kind is the errno's and [`sock::errno`](sock_core::errno)
/// reads it (`from_io` answers `None` there).
///
/// ```
/// use sock::consts::{AI_NUMERICHOST, EAI_NONAME};
/// use sock::ResolveError;
/// let err = sock::getaddrinfo(Some("localhost"), 80, 0, 0, 0, AI_NUMERICHOST).unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
/// assert_eq!(err.to_string(), "getaddrinfo localhost:80: Name or service not known (EAI_NONAME)");
/// let typed = ResolveError::from_io(&err).unwrap();
/// assert_eq!((typed.code(), typed.code_name()), (EAI_NONAME, Some("EAI_NONAME")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolveError {
    class: ResolveErrorClass,
    code: c_int,
    errno: Option<i32>,
    message: String,
}

/// `h_errno`'s "see errno" value.
pub(crate) const NETDB_INTERNAL: c_int = -1;
/// `h_errno`'s "unknown host".
pub(crate) const HOST_NOT_FOUND: c_int = 1;
/// `h_errno`'s "temporary failure, try again".
const TRY_AGAIN: c_int = 2;
/// `h_errno`'s "non-recoverable failure".
const NO_RECOVERY: c_int = 3;
/// `h_errno`'s "the name is known but has no address".
const NO_DATA: c_int = 4;

impl ResolveError {
    /// The error for an `EAI_*` code returned by `getaddrinfo`/`getnameinfo`, with
    /// `gai_strerror`'s text. Call it right after the failing call: for `EAI_SYSTEM` it
    /// captures `errno`.
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// let e = ResolveError::from_gai(sock::consts::EAI_AGAIN);
    /// assert_eq!(e.to_string(), "Temporary failure in name resolution (EAI_AGAIN)");
    /// assert!(e.is_temporary());
    /// ```
    pub fn from_gai(code: c_int) -> ResolveError {
        let errno = (code == EAI_SYSTEM).then(|| io::Error::last_os_error().raw_os_error().unwrap_or(0));
        ResolveError { class: ResolveErrorClass::AddrInfo, code, errno, message: sys::gai_strerror(code) }
    }

    /// The error for an `h_errno` value of the host database, with `hstrerror`'s text;
    /// `errno` is the OS error behind `NETDB_INTERNAL` (-1), if known.
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// let e = ResolveError::from_herrno(1, None);
    /// assert_eq!(e.to_string(), "Unknown host (HOST_NOT_FOUND)");
    /// assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    /// ```
    pub fn from_herrno(code: c_int, errno: Option<i32>) -> ResolveError {
        ResolveError { class: ResolveErrorClass::HostDb, code, errno, message: sys::hstrerror(code) }
    }

    /// The error for a bad argument (class [`ResolveErrorClass::InvalidArgument`]): the
    /// message is `"{argument}: {message}"`, as [`sock::invalid_input`](sock_core::invalid_input)
    /// writes it.
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// let e = ResolveError::invalid_argument("host", "embedded null character");
    /// assert_eq!(e.to_string(), "host: embedded null character");
    /// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    /// ```
    pub fn invalid_argument(argument: &str, message: &str) -> ResolveError {
        ResolveError {
            class: ResolveErrorClass::InvalidArgument,
            code: 0,
            errno: None,
            message: format!("{argument}: {message}"),
        }
    }

    /// Which part of the resolver reported it (Python's exception class).
    ///
    /// ```
    /// use sock::resolve::{ResolveError, ResolveErrorClass};
    /// assert_eq!(ResolveError::from_herrno(1, None).class(), ResolveErrorClass::HostDb);
    /// ```
    pub fn class(&self) -> ResolveErrorClass {
        self.class
    }

    /// The [`io::ErrorKind`] of the `io::Error` that carries it (see [`ResolveError`]).
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// use std::io::ErrorKind;
    /// assert_eq!(ResolveError::from_gai(sock::consts::EAI_NONAME).kind(), ErrorKind::NotFound);
    /// assert_eq!(ResolveError::from_gai(sock::consts::EAI_FAMILY).kind(), ErrorKind::InvalidInput);
    /// ```
    pub fn kind(&self) -> io::ErrorKind {
        if let Some(errno) = self.os_errno() {
            return io::Error::from_raw_os_error(errno).kind();
        }
        match (self.class, self.code) {
            (ResolveErrorClass::InvalidArgument, _) => io::ErrorKind::InvalidInput,
            (ResolveErrorClass::HostDb, HOST_NOT_FOUND | NO_DATA) => io::ErrorKind::NotFound,
            (ResolveErrorClass::HostDb, _) => io::ErrorKind::Other,
            (_, EAI_NONAME | EAI_NODATA | EAI_ADDRFAMILY | EAI_SERVICE) => io::ErrorKind::NotFound,
            (_, EAI_BADFLAGS | EAI_FAMILY | EAI_SOCKTYPE) => io::ErrorKind::InvalidInput,
            (_, EAI_MEMORY) => io::ErrorKind::OutOfMemory,
            _ => io::ErrorKind::Other,
        }
    }

    /// Whether asking again later may succeed: `EAI_AGAIN` or `TRY_AGAIN` (a name server did
    /// not answer in time, or answered "try again").
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// assert!(ResolveError::from_gai(sock::consts::EAI_AGAIN).is_temporary());
    /// assert!(!ResolveError::from_gai(sock::consts::EAI_NONAME).is_temporary());
    /// ```
    pub fn is_temporary(&self) -> bool {
        matches!(
            (self.class, self.code),
            (ResolveErrorClass::AddrInfo, EAI_AGAIN) | (ResolveErrorClass::HostDb, TRY_AGAIN)
        )
    }

    /// The `EAI_*` code (for [`ResolveErrorClass::AddrInfo`]) or `h_errno` value (0 for
    /// [`ResolveErrorClass::InvalidArgument`]).
    ///
    /// ```
    /// let err = sock::getnameinfo("127.0.0.1:80".parse().unwrap(), -1).unwrap_err();
    /// assert_eq!(sock::ResolveError::from_io(&err).unwrap().code(), sock::consts::EAI_BADFLAGS);
    /// ```
    pub fn code(&self) -> c_int {
        self.code
    }

    /// The name of the code: `"EAI_NONAME"`, `"HOST_NOT_FOUND"`... (`None` for a code glibc
    /// does not define, and for a bad argument).
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// assert_eq!(ResolveError::from_herrno(2, None).code_name(), Some("TRY_AGAIN"));
    /// ```
    pub fn code_name(&self) -> Option<&'static str> {
        match self.class {
            ResolveErrorClass::AddrInfo => gai_name(self.code),
            ResolveErrorClass::HostDb => herrno_name(self.code),
            ResolveErrorClass::InvalidArgument => None,
        }
    }

    /// For `EAI_SYSTEM` (and the host database's `NETDB_INTERNAL`): the `errno` behind it.
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// assert_eq!(ResolveError::from_herrno(-1, Some(libc::EMFILE)).errno(), Some(libc::EMFILE));
    /// ```
    pub fn errno(&self) -> Option<i32> {
        self.errno
    }

    /// libc's text for the code (`gai_strerror` or `hstrerror`), or what is wrong with the
    /// argument.
    ///
    /// ```
    /// use sock::resolve::ResolveError;
    /// assert_eq!(ResolveError::from_gai(sock::consts::EAI_NONAME).message(), "Name or service not known");
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The `ResolveError` inside an `io::Error` returned by this crate (or made from one with
    /// `io::Error::from`), looking through the [`ErrorContext`] that names the operation.
    /// `None` for other errors, and for `EAI_SYSTEM`, which is the OS error it carries.
    ///
    /// ```
    /// let err = sock::getaddrinfo(Some("a\0b"), 80, 0, 0, 0, 0).unwrap_err();
    /// let typed = sock::ResolveError::from_io(&err).unwrap();
    /// assert_eq!(typed.class(), sock::resolve::ResolveErrorClass::InvalidArgument);
    /// ```
    pub fn from_io(err: &io::Error) -> Option<&ResolveError> {
        let inner = err.get_ref()?;
        if let Some(ctx) = inner.downcast_ref::<ErrorContext>() {
            return ResolveError::from_io(ctx.inner());
        }
        inner.downcast_ref::<ResolveError>()
    }

    /// The OS error behind `EAI_SYSTEM`/`NETDB_INTERNAL`, if there is one.
    fn os_errno(&self) -> Option<i32> {
        self.errno.filter(|&e| e != 0)
    }

    /// The `io::Error` that the function `op` returns for this error on `target` (the host,
    /// address, service... it looked up): a bad argument as it is (its message names the
    /// argument), an `EAI_SYSTEM` as the OS error, anything else inside an [`ErrorContext`].
    #[cold]
    pub(crate) fn into_io(self, op: &'static str, target: impl fmt::Display) -> io::Error {
        if self.class == ResolveErrorClass::InvalidArgument {
            return self.into();
        }
        let kind = self.kind();
        let inner = match self.os_errno() {
            Some(errno) => io::Error::from_raw_os_error(errno),
            None => io::Error::new(kind, self),
        };
        io::Error::new(kind, ErrorContext::new(inner, target).operation(op))
    }
}

/// The name of an `EAI_*` code.
fn gai_name(code: c_int) -> Option<&'static str> {
    Some(match code {
        EAI_BADFLAGS => "EAI_BADFLAGS",
        EAI_NONAME => "EAI_NONAME",
        EAI_AGAIN => "EAI_AGAIN",
        EAI_FAIL => "EAI_FAIL",
        EAI_NODATA => "EAI_NODATA",
        EAI_FAMILY => "EAI_FAMILY",
        EAI_SOCKTYPE => "EAI_SOCKTYPE",
        EAI_SERVICE => "EAI_SERVICE",
        EAI_ADDRFAMILY => "EAI_ADDRFAMILY",
        EAI_MEMORY => "EAI_MEMORY",
        EAI_SYSTEM => "EAI_SYSTEM",
        EAI_OVERFLOW => "EAI_OVERFLOW",
        _ => return None,
    })
}

/// The name of an `h_errno` value.
fn herrno_name(code: c_int) -> Option<&'static str> {
    Some(match code {
        NETDB_INTERNAL => "NETDB_INTERNAL",
        HOST_NOT_FOUND => "HOST_NOT_FOUND",
        TRY_AGAIN => "TRY_AGAIN",
        NO_RECOVERY => "NO_RECOVERY",
        NO_DATA => "NO_DATA",
        _ => return None,
    })
}

impl fmt::Display for ResolveError {
    /// libc's message and the code's name, `Name or service not known (EAI_NONAME)` (the
    /// number for a code without a name); just the message for a bad argument.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.class, self.code_name()) {
            (ResolveErrorClass::InvalidArgument, _) => f.write_str(&self.message),
            (_, Some(name)) => write!(f, "{} ({name})", self.message),
            (ResolveErrorClass::AddrInfo, None) => write!(f, "{} (EAI {})", self.message, self.code),
            (_, None) => write!(f, "{} (h_errno {})", self.message, self.code),
        }
    }
}

impl std::error::Error for ResolveError {}

/// The error without naming an operation (this crate's functions name theirs): `EAI_SYSTEM`
/// with an `errno` becomes that OS error; anything else keeps the `ResolveError` inside, of
/// kind [`ResolveError::kind`].
impl From<ResolveError> for io::Error {
    fn from(err: ResolveError) -> io::Error {
        match err.os_errno() {
            Some(errno) => io::Error::from_raw_os_error(errno),
            None => io::Error::new(err.kind(), err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_kinds() {
        let e = ResolveError::from_gai(EAI_NONAME);
        assert_eq!(e.message(), "Name or service not known");
        assert_eq!(e.to_string(), "Name or service not known (EAI_NONAME)");
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert_eq!(io::Error::from(e).kind(), io::ErrorKind::NotFound);
        let h = ResolveError::from_herrno(HOST_NOT_FOUND, None);
        assert_eq!(h.class(), ResolveErrorClass::HostDb);
        assert_eq!(h.message(), "Unknown host");
        assert_eq!(h.to_string(), "Unknown host (HOST_NOT_FOUND)");
        assert_eq!(ResolveError::from_gai(EAI_BADFLAGS).kind(), io::ErrorKind::InvalidInput);
        assert_eq!(ResolveError::from_gai(EAI_SERVICE).kind(), io::ErrorKind::NotFound);
        assert_eq!(ResolveError::from_gai(EAI_MEMORY).kind(), io::ErrorKind::OutOfMemory);
        assert_eq!(ResolveError::from_gai(EAI_AGAIN).kind(), io::ErrorKind::Other);
        assert!(ResolveError::from_herrno(TRY_AGAIN, None).is_temporary());
        assert!(!h.is_temporary());
        assert_eq!(ResolveError::from_gai(-1000).to_string(), "Unknown error (EAI -1000)");
        let a = ResolveError::invalid_argument("host", "embedded null character");
        assert_eq!((a.class(), a.code(), a.errno()), (ResolveErrorClass::InvalidArgument, 0, None));
        assert_eq!(a.to_string(), "host: embedded null character");
        let io = io::Error::from(a.clone());
        assert_eq!(io.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(io.to_string(), "host: embedded null character");
        assert_eq!(ResolveError::from_io(&io), Some(&a));
    }

    /// The error of a function names the operation and the target; the typed error and the
    /// errno stay reachable.
    #[test]
    fn into_io_names_what_failed() {
        let e = ResolveError::from_gai(EAI_NONAME).into_io("getaddrinfo", "nosuch.invalid:80");
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert_eq!(e.to_string(), "getaddrinfo nosuch.invalid:80: Name or service not known (EAI_NONAME)");
        assert_eq!(ResolveError::from_io(&e).map(ResolveError::code), Some(EAI_NONAME));
        let sys = ResolveError { errno: Some(libc::EMFILE), ..ResolveError::from_gai(EAI_SYSTEM) };
        let e = sys.into_io("getaddrinfo", "localhost");
        assert_eq!(sock_core::errno(&e), Some(libc::EMFILE));
        assert_eq!(e.to_string(), "getaddrinfo localhost: Too many open files (EMFILE)");
        let nul = ResolveError::invalid_argument("host", "embedded null character").into_io("getaddrinfo", "x");
        assert_eq!(nul.to_string(), "host: embedded null character");
    }
}
