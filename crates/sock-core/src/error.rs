//! Error helpers shared by every crate of the workspace.
//!
//! Every error is a [`std::io::Error`]. Bad input from the caller is
//! [`io::ErrorKind::InvalidInput`] with a message that names the argument; a timeout is
//! [`io::ErrorKind::TimedOut`] with the message `"timed out"`, as in CPython.

use std::fmt;
use std::io;

/// An [`io::ErrorKind::InvalidInput`] error whose message names the offending argument.
///
/// ```
/// let e = sock::invalid_input("backlog", "must not exceed i32::MAX");
/// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(e.to_string(), "backlog: must not exceed i32::MAX");
/// ```
pub fn invalid_input(argument: &str, message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("{argument}: {message}"))
}

/// The error of an operation whose timeout expired: kind [`io::ErrorKind::TimedOut`], with
/// CPython's message `"timed out"` after the operation's name: `recv: timed out`.
///
/// ```
/// let e = sock::timed_out("recv");
/// assert_eq!(e.kind(), std::io::ErrorKind::TimedOut);
/// assert_eq!(e.to_string(), "recv: timed out");
/// assert!(sock::is_timeout(&e));
/// ```
#[cold]
pub fn timed_out(op: &str) -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, format!("{op}: timed out"))
}

/// What failed, on what: the context every error the library makes carries.
///
/// It sits inside an [`io::Error`] of the same [`io::ErrorKind`] as the error it wraps, so
/// `e.kind()` still answers *what went wrong*, and `e.to_string()` says *where*:
/// `bind vcan9: No such device (ENODEV)`. The OS error code stays reachable with [`errno`]
/// (`io::Error::raw_os_error` answers `None` for any error with a message, a limit of std),
/// and [`std::error::Error::source`] gives the wrapped error.
///
/// `EAGAIN`, `EINTR`, `EINPROGRESS` and `EALREADY` are never wrapped: they are signals to
/// the caller's loop (a reactor, a retry), not failures, and stay raw OS errors.
///
/// ```
/// use std::io;
/// let e = sock::core::context(io::Error::from_raw_os_error(libc::ENODEV), "bind", "vcan9");
/// assert_eq!(e.to_string(), "bind vcan9: No such device (ENODEV)");
/// assert_eq!(sock::errno(&e), Some(libc::ENODEV));
/// let ctx = sock::ErrorContext::of(&e).unwrap();
/// assert_eq!((ctx.op(), ctx.target()), (Some("bind"), "vcan9"));
/// ```
#[derive(Debug)]
pub struct ErrorContext {
    op: Option<&'static str>,
    target: String,
    text: Option<&'static str>,
    hint: Option<String>,
    source: io::Error,
}

impl ErrorContext {
    /// A context for `source` naming `target`; add the rest with the builder methods and turn
    /// it into an `io::Error` (of `source`'s kind) with `into()`.
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e: std::io::Error = ErrorContext::new(std::io::Error::from_raw_os_error(libc::ENODEV), "vcan9")
    ///     .operation("bind")
    ///     .text("no such interface")
    ///     .into();
    /// assert_eq!(e.to_string(), "bind vcan9: no such interface (ENODEV)");
    /// ```
    pub fn new(source: io::Error, target: impl fmt::Display) -> ErrorContext {
        ErrorContext { op: None, target: target.to_string(), text: None, hint: None, source }
    }

    /// The context of a failed operation on `raw` — an address sock-core can only print by
    /// its family and bytes (`AF_CAN:...`) — renamed to `typed`, the family's text form of the
    /// same address, keeping the operation and the OS error; add a family-specific
    /// [`text`](ErrorContext::text) or [`hint`](ErrorContext::hint) and turn it back into an
    /// `io::Error` with `into()`. `Err(err)` unchanged when `err` does not name `raw`.
    ///
    /// The one way family crates name their addresses in `bind`/`connect` errors.
    ///
    /// ```
    /// use sock::{ErrorContext, SockAddr};
    /// let raw = SockAddr::new(libc::AF_ALG as u16, &[0u8; 86])?;
    /// let failed = sock::core::context(std::io::Error::from_raw_os_error(libc::ENOENT), "bind", &raw);
    /// let renamed: std::io::Error = ErrorContext::renamed(failed, &raw, "hash:sha999")
    ///     .map(|ctx| ctx.text("no such algorithm").into())
    ///     .unwrap_or_else(|e| e);
    /// assert_eq!(renamed.to_string(), "bind hash:sha999: no such algorithm (ENOENT)");
    /// assert_eq!(sock::errno(&renamed), Some(libc::ENOENT));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn renamed(err: io::Error, raw: &crate::SockAddr, typed: impl fmt::Display) -> Result<ErrorContext, io::Error> {
        if ErrorContext::of(&err).is_none_or(|c| c.target != raw.to_string()) {
            return Err(err);
        }
        let ctx = err.into_inner_context()?;
        Ok(ErrorContext { target: typed.to_string(), ..ctx })
    }

    /// Names the operation.
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e: std::io::Error = ErrorContext::new(std::io::Error::from_raw_os_error(libc::EACCES), "[::]:80")
    ///     .operation("bind")
    ///     .into();
    /// assert_eq!(e.to_string(), "bind [::]:80: Permission denied (EACCES)");
    /// assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied);
    /// ```
    pub fn operation(mut self, op: &'static str) -> ErrorContext {
        self.op = Some(op);
        self
    }

    /// Says what went wrong in the library's words instead of the OS's (the errno name stays).
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e: std::io::Error = ErrorContext::new(std::io::Error::from_raw_os_error(libc::ENODEV), "vcan9")
    ///     .text("no such interface")
    ///     .into();
    /// assert_eq!(e.to_string(), "vcan9: no such interface (ENODEV)");
    /// ```
    pub fn text(mut self, text: &'static str) -> ErrorContext {
        self.text = Some(text);
        self
    }

    /// Adds a hint on how to fix it.
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e: std::io::Error = ErrorContext::new(std::io::Error::from_raw_os_error(libc::EAFNOSUPPORT), "AF_CAN")
    ///     .operation("socket")
    ///     .hint("modprobe can")
    ///     .into();
    /// assert_eq!(e.to_string(), "socket AF_CAN: Address family not supported by protocol (EAFNOSUPPORT); modprobe can");
    /// ```
    pub fn hint(mut self, hint: impl Into<String>) -> ErrorContext {
        self.hint = Some(hint.into());
        self
    }

    /// The context inside `err`, if it has one.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// let e = s.connect(("127.0.0.1", 1)).unwrap_err(); // nothing listens on port 1
    /// let ctx = sock::ErrorContext::of(&e).expect("the library names what failed");
    /// assert_eq!((ctx.op(), ctx.target()), (Some("connect"), "127.0.0.1:1"));
    /// assert!(sock::ErrorContext::of(&std::io::Error::other("plain")).is_none());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn of(err: &io::Error) -> Option<&ErrorContext> {
        err.get_ref()?.downcast_ref::<ErrorContext>()
    }

    /// The operation that failed (`"bind"`, `"connect"`, `"getaddrinfo"`...), when known.
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e = sock::core::context(std::io::Error::from_raw_os_error(libc::EADDRINUSE), "bind", "127.0.0.1:80");
    /// assert_eq!(ErrorContext::of(&e).unwrap().op(), Some("bind"));
    /// ```
    pub fn op(&self) -> Option<&'static str> {
        self.op
    }

    /// What it failed on: an address, an interface, a host, an option or an argument, as text.
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e = sock::core::target_context(std::io::Error::from_raw_os_error(libc::ENODEV), "vcan9");
    /// let ctx = ErrorContext::of(&e).unwrap();
    /// assert_eq!((ctx.op(), ctx.target()), (None, "vcan9"));
    /// ```
    pub fn target(&self) -> &str {
        &self.target
    }

    /// A hint on how to fix it (for example which kernel module provides a family).
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e: std::io::Error = ErrorContext::new(std::io::Error::from_raw_os_error(libc::EAFNOSUPPORT), "AF_CAN")
    ///     .hint("load can.ko")
    ///     .into();
    /// assert_eq!(ErrorContext::of(&e).unwrap().hint_text(), Some("load can.ko"));
    /// ```
    pub fn hint_text(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The wrapped error (an OS error, or a typed error such as a resolver's).
    ///
    /// ```
    /// use sock::ErrorContext;
    /// let e = sock::core::context(std::io::Error::from_raw_os_error(libc::ENODEV), "bind", "vcan9");
    /// assert_eq!(ErrorContext::of(&e).unwrap().inner().raw_os_error(), Some(libc::ENODEV));
    /// assert_eq!(e.raw_os_error(), None); // hence `sock::errno(&e)`
    /// ```
    pub fn inner(&self) -> &io::Error {
        &self.source
    }
}

impl fmt::Display for ErrorContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.op, self.target.is_empty()) {
            (Some(op), true) => write!(f, "{op}: ")?,
            (Some(op), false) => write!(f, "{op} {}: ", self.target)?,
            (None, false) => write!(f, "{}: ", self.target)?,
            (None, true) => {}
        }
        match self.source.raw_os_error() {
            Some(code) => {
                let os_text = io::Error::from_raw_os_error(code).to_string();
                let text = self.text.unwrap_or_else(|| os_text.split(" (os error").next().unwrap_or(&os_text));
                match errno_name(code) {
                    Some(name) => write!(f, "{text} ({name})")?,
                    None => write!(f, "{text} (errno {code})")?,
                }
            }
            None => match self.text {
                Some(text) => write!(f, "{text}: {}", self.source)?,
                None => write!(f, "{}", self.source)?,
            },
        }
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl From<ErrorContext> for io::Error {
    fn from(ctx: ErrorContext) -> io::Error {
        if is_loop_signal(&ctx.source) {
            return ctx.source;
        }
        io::Error::new(ctx.source.kind(), ctx)
    }
}

impl std::error::Error for ErrorContext {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Whether `err` is a signal to the caller's loop rather than a failure: it is never wrapped.
fn is_loop_signal(err: &io::Error) -> bool {
    matches!(err.raw_os_error(), Some(libc::EAGAIN | libc::EINTR | libc::EINPROGRESS | libc::EALREADY))
}

/// Wraps `err` with the operation `op` and its `target` (an address, interface, host...),
/// keeping its kind. An error that already names its target gets `op` filled in if it had
/// none, and is otherwise returned as it is (the innermost context knows best). See
/// [`ErrorContext`].
///
/// ```
/// use std::io;
/// let e = sock::core::context(io::Error::from_raw_os_error(libc::ECONNREFUSED), "connect", "127.0.0.1:1");
/// assert_eq!(e.to_string(), "connect 127.0.0.1:1: Connection refused (ECONNREFUSED)");
/// assert_eq!(e.kind(), io::ErrorKind::ConnectionRefused); // the kind is kept
/// // Loop signals stay raw OS errors:
/// let again = sock::core::context(io::Error::from_raw_os_error(libc::EAGAIN), "recv", "");
/// assert_eq!(again.raw_os_error(), Some(libc::EAGAIN));
/// ```
#[cold]
pub fn context(err: io::Error, op: &'static str, target: impl fmt::Display) -> io::Error {
    if is_loop_signal(&err) {
        return err;
    }
    let kind = err.kind();
    match err.into_inner_context() {
        Ok(mut ctx) => {
            ctx.op = ctx.op.or(Some(op));
            io::Error::new(kind, ctx)
        }
        Err(err) => io::Error::new(kind, ErrorContext::new(err, target).operation(op)),
    }
}

/// Like [`context`] without an operation: names only the target (an interface lookup, an
/// argument); the operation that called it fills in its own name with [`context`].
///
/// ```
/// use std::io;
/// // An interface lookup names the interface; the operation that called it adds its name.
/// let lookup = sock::core::target_context(io::Error::from_raw_os_error(libc::ENODEV), "vcan9");
/// assert_eq!(lookup.to_string(), "vcan9: No such device (ENODEV)");
/// let e = sock::core::context(lookup, "bind", "ignored: the inner target wins");
/// assert_eq!(e.to_string(), "bind vcan9: No such device (ENODEV)");
/// ```
#[cold]
pub fn target_context(err: io::Error, target: impl fmt::Display) -> io::Error {
    if is_loop_signal(&err) || ErrorContext::of(&err).is_some() {
        return err;
    }
    let kind = err.kind();
    io::Error::new(kind, ErrorContext::new(err, target))
}

/// [`context`] with a hint on how to fix it, shown after the message.
///
/// ```
/// let e = sock::core::context_with_hint(
///     std::io::Error::from_raw_os_error(libc::EAFNOSUPPORT),
///     "socket",
///     "AF_TIPC",
///     "modprobe tipc".to_string(),
/// );
/// assert_eq!(e.to_string(), "socket AF_TIPC: Address family not supported by protocol (EAFNOSUPPORT); modprobe tipc");
/// ```
#[cold]
pub fn context_with_hint(err: io::Error, op: &'static str, target: impl fmt::Display, hint: String) -> io::Error {
    if is_loop_signal(&err) {
        return err;
    }
    let kind = err.kind();
    let ctx = match err.into_inner_context() {
        Ok(ctx) => ErrorContext { op: Some(op), hint: Some(hint), ..ctx },
        Err(err) => ErrorContext::new(err, target).operation(op).hint(hint),
    };
    io::Error::new(kind, ctx)
}

trait IntoInnerContext {
    fn into_inner_context(self) -> Result<ErrorContext, io::Error>;
}

impl IntoInnerContext for io::Error {
    fn into_inner_context(self) -> Result<ErrorContext, io::Error> {
        if ErrorContext::of(&self).is_none() {
            return Err(self);
        }
        let boxed = self.into_inner().expect("an error with a context has a payload");
        Ok(*boxed.downcast::<ErrorContext>().expect("checked above"))
    }
}

/// The OS error code of `err`, looking through the [`ErrorContext`] that the library adds
/// (where [`io::Error::raw_os_error`] answers `None`).
///
/// ```
/// let e = std::io::Error::from_raw_os_error(libc::EADDRINUSE);
/// assert_eq!(sock::errno(&e), Some(libc::EADDRINUSE));
/// ```
pub fn errno(err: &io::Error) -> Option<i32> {
    if let Some(code) = err.raw_os_error() {
        return Some(code);
    }
    // Walk the payload's source chain: an ErrorContext leads to the error it wraps, and a
    // typed error (a resolver's EAI_SYSTEM) may lead to the OS error behind it.
    let mut next: Option<&(dyn std::error::Error + 'static)> = err.get_ref().map(|e| e as _);
    while let Some(e) = next {
        if let Some(code) = e.downcast_ref::<io::Error>().and_then(io::Error::raw_os_error) {
            return Some(code);
        }
        if let Some(ctx) = e.downcast_ref::<ErrorContext>() {
            if let Some(code) = errno(&ctx.source) {
                return Some(code);
            }
        }
        next = e.source();
    }
    None
}

/// Whether `err` is a timeout: CPython's `socket.timeout` (`TimeoutError`), which a socket in
/// timeout mode raises, as does an OS `ETIMEDOUT`. Use it where Python has
/// `except socket.timeout:`.
///
/// ```
/// use std::time::Duration;
/// use sock::{Family, Socket, Type};
/// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// a.set_timeout(Some(Duration::from_millis(10)))?;
/// let e = a.recv(&mut [0u8; 4]).unwrap_err();
/// assert!(sock::is_timeout(&e));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn is_timeout(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::TimedOut
}

/// The symbolic name of an errno value (`ENODEV`...), for the common socket errors.
///
/// ```
/// assert_eq!(sock::errno_name(libc::ECONNREFUSED), Some("ECONNREFUSED"));
/// assert_eq!(sock::errno_name(100_000), None);
/// ```
pub fn errno_name(code: i32) -> Option<&'static str> {
    macro_rules! names {
        ($($name:ident)*) => {
            match code {
                $(libc::$name => Some(stringify!($name)),)*
                _ => None,
            }
        };
    }
    names!(
        EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG EBADF EAGAIN ENOMEM EACCES EFAULT EBUSY EEXIST
        ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY EFBIG ENOSPC ESPIPE EROFS EPIPE ERANGE
        ENAMETOOLONG ENOSYS ENOTEMPTY ELOOP ENOMSG ENODATA ETIME ENOSR ENOLINK EPROTO EBADMSG
        EOVERFLOW EILSEQ ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT
        ESOCKTNOSUPPORT EOPNOTSUPP EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN
        ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN
        ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ENOKEY
        EKEYEXPIRED EKEYREVOKED EKEYREJECTED ERFKILL EBADFD EREMOTEIO ENOMEDIUM ECANCELED
    )
}

/// Converts a `-1`-on-error libc return value into an [`io::Result`], reading `errno`.
///
/// ```
/// use sock::core::cvt;
/// // SAFETY: closing an fd that is certainly not open only fails.
/// let e = cvt(unsafe { libc::close(-1) }).unwrap_err();
/// assert_eq!(e.raw_os_error(), Some(libc::EBADF));
/// assert_eq!(cvt(3isize)?, 3);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn cvt<T: IsMinusOne>(value: T) -> io::Result<T> {
    if value.is_minus_one() {
        Err(io::Error::last_os_error())
    } else {
        Ok(value)
    }
}

/// Integer return types of libc calls that signal an error with `-1`.
///
/// ```
/// use sock::core::IsMinusOne;
/// assert!((-1i32).is_minus_one() && (-1isize).is_minus_one());
/// assert!(!0i64.is_minus_one());
/// ```
pub trait IsMinusOne: Copy {
    /// Whether this value is `-1`.
    fn is_minus_one(self) -> bool;
}

macro_rules! impl_is_minus_one {
    ($($t:ty)*) => {$(
        impl IsMinusOne for $t {
            fn is_minus_one(self) -> bool { self == -1 }
        }
    )*};
}
impl_is_minus_one!(i32 isize i64);

/// Whether `err` is `EINTR`.
pub(crate) fn is_interrupted(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::Interrupted
}

/// Whether `err` is `EAGAIN`/`EWOULDBLOCK`.
pub(crate) fn is_would_block(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::WouldBlock
}
