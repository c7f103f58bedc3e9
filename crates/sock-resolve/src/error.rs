//! [`ResolveError`]: a failure of the resolver itself (Python's `gaierror` and `herror`).

use std::fmt;
use std::io;

use libc::c_int;

use crate::consts::*;
use crate::sys;

/// Which resolver reported a [`ResolveError`] (or that none was asked).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResolveErrorKind {
    /// `getaddrinfo`/`getnameinfo`: the code is an `EAI_*` constant (Python's `gaierror`).
    AddrInfo,
    /// The host database (`gethostbyname_ex`, `gethostbyaddr`): the code is an `h_errno`
    /// value such as `HOST_NOT_FOUND` (Python's `herror`).
    HostDb,
    /// A caller mistake caught before any resolver was asked (Python's `ValueError` or
    /// `OverflowError`): a NUL character in a name, an IPv6 flowinfo over 20 bits. The code is
    /// 0 and the message names the argument; it converts into an
    /// [`io::ErrorKind::InvalidInput`] error.
    InvalidArgument,
}

/// A resolver error: the `EAI_*` or `h_errno` code, libc's message for it, and for
/// `EAI_SYSTEM` the `errno` behind it.
///
/// It converts into [`io::Error`]: `EAI_SYSTEM` (or `NETDB_INTERNAL`) with an `errno` becomes
/// that OS error; every other
/// code keeps the `ResolveError` inside (get it back with [`ResolveError::from_io`]) with a
/// kind that fits (`NotFound` for unknown names, `InvalidInput` for bad flags or families and
/// for [`ResolveErrorKind::InvalidArgument`], `OutOfMemory`, otherwise `Other`).
///
/// ```
/// use sock_resolve::{getaddrinfo, consts::{AI_NUMERICHOST, EAI_NONAME}};
/// let err = getaddrinfo(Some("localhost"), sock_resolve::Service::None, 0, 0, 0, AI_NUMERICHOST).unwrap_err();
/// assert_eq!(err.code(), EAI_NONAME);
/// let io: std::io::Error = err.into();
/// assert_eq!(sock_resolve::ResolveError::from_io(&io).unwrap().code(), EAI_NONAME);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolveError {
    kind: ResolveErrorKind,
    code: c_int,
    errno: Option<i32>,
    message: String,
}

impl ResolveError {
    /// The error for an `EAI_*` code returned by `getaddrinfo`/`getnameinfo`, with
    /// `gai_strerror`'s text. Call it right after the failing call: for `EAI_SYSTEM` it
    /// captures `errno`.
    pub fn from_gai(code: c_int) -> ResolveError {
        let errno = (code == EAI_SYSTEM).then(|| io::Error::last_os_error().raw_os_error().unwrap_or(0));
        ResolveError { kind: ResolveErrorKind::AddrInfo, code, errno, message: sys::gai_strerror(code) }
    }

    /// The error for an `h_errno` value of the host database, with `hstrerror`'s text;
    /// `errno` is the OS error behind `NETDB_INTERNAL` (-1), if known.
    pub fn from_herrno(code: c_int, errno: Option<i32>) -> ResolveError {
        ResolveError { kind: ResolveErrorKind::HostDb, code, errno, message: sys::hstrerror(code) }
    }

    /// The error for a bad argument (kind [`ResolveErrorKind::InvalidArgument`]): the message
    /// is `"{argument}: {message}"`, as `sock_core::invalid_input` writes it.
    pub fn invalid_argument(argument: &str, message: &str) -> ResolveError {
        ResolveError {
            kind: ResolveErrorKind::InvalidArgument,
            code: 0,
            errno: None,
            message: format!("{argument}: {message}"),
        }
    }

    /// Which resolver reported it.
    pub fn kind(&self) -> ResolveErrorKind {
        self.kind
    }

    /// The `EAI_*` code (for [`ResolveErrorKind::AddrInfo`]) or `h_errno` value (0 for
    /// [`ResolveErrorKind::InvalidArgument`]).
    pub fn code(&self) -> c_int {
        self.code
    }

    /// For `EAI_SYSTEM` (and the host database's `NETDB_INTERNAL`): the `errno` behind it.
    pub fn errno(&self) -> Option<i32> {
        self.errno
    }

    /// libc's text for the code (`gai_strerror` or `hstrerror`), or what is wrong with the
    /// argument.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The `ResolveError` inside an `io::Error` made from one, if any.
    pub fn from_io(err: &io::Error) -> Option<&ResolveError> {
        let inner = err.get_ref()?;
        if let Some(ctx) = inner.downcast_ref::<sock_core::ErrorContext>() {
            return ResolveError::from_io(ctx.inner());
        }
        inner.downcast_ref::<ResolveError>()
    }

    fn io_kind(&self) -> io::ErrorKind {
        match (self.kind, self.code) {
            (ResolveErrorKind::InvalidArgument, _) => io::ErrorKind::InvalidInput,
            (ResolveErrorKind::HostDb, _) => io::ErrorKind::NotFound,
            (_, EAI_NONAME | EAI_NODATA | EAI_ADDRFAMILY) => io::ErrorKind::NotFound,
            (_, EAI_BADFLAGS | EAI_FAMILY | EAI_SOCKTYPE | EAI_SERVICE) => io::ErrorKind::InvalidInput,
            (_, EAI_MEMORY) => io::ErrorKind::OutOfMemory,
            _ => io::ErrorKind::Other,
        }
    }
}

impl fmt::Display for ResolveError {
    /// `[Errno code] message`, as Python prints a `gaierror`; just the message for a bad
    /// argument.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == ResolveErrorKind::InvalidArgument {
            return f.write_str(&self.message);
        }
        write!(f, "[Errno {}] {}", self.code, self.message)
    }
}

impl std::error::Error for ResolveError {}

impl From<ResolveError> for io::Error {
    fn from(err: ResolveError) -> io::Error {
        match err.errno {
            Some(errno) if errno != 0 => io::Error::from_raw_os_error(errno),
            _ => io::Error::new(err.io_kind(), err),
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
        assert_eq!(e.to_string(), "[Errno -2] Name or service not known");
        assert_eq!(io::Error::from(e).kind(), io::ErrorKind::NotFound);
        let h = ResolveError::from_herrno(1, None);
        assert_eq!(h.kind(), ResolveErrorKind::HostDb);
        assert_eq!(h.message(), "Unknown host");
        assert_eq!(io::Error::from(ResolveError::from_gai(EAI_BADFLAGS)).kind(), io::ErrorKind::InvalidInput);
        let a = ResolveError::invalid_argument("host", "embedded null character");
        assert_eq!((a.kind(), a.code(), a.errno()), (ResolveErrorKind::InvalidArgument, 0, None));
        assert_eq!(a.to_string(), "host: embedded null character");
        let io = io::Error::from(a.clone());
        assert_eq!(io.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(io.to_string(), "host: embedded null character");
        assert_eq!(ResolveError::from_io(&io), Some(&a));
    }
}
