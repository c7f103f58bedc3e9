//! Error helpers shared by every crate of the workspace.
//!
//! Every error is a [`std::io::Error`]. Bad input from the caller is
//! [`io::ErrorKind::InvalidInput`] with a message that names the argument; a timeout is
//! [`io::ErrorKind::TimedOut`] with the message `"timed out"`, as in CPython.

use std::io;

/// An [`io::ErrorKind::InvalidInput`] error whose message names the offending argument.
///
/// ```
/// let e = sock_core::invalid_input("backlog", "must not exceed i32::MAX");
/// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(e.to_string(), "backlog: must not exceed i32::MAX");
/// ```
pub fn invalid_input(argument: &str, message: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, format!("{argument}: {message}"))
}

/// The error of an operation whose timeout expired: kind [`io::ErrorKind::TimedOut`],
/// message `"timed out"`.
pub fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "timed out")
}

/// Converts a `-1`-on-error libc return value into an [`io::Result`], reading `errno`.
pub fn cvt<T: IsMinusOne>(value: T) -> io::Result<T> {
    if value.is_minus_one() {
        Err(io::Error::last_os_error())
    } else {
        Ok(value)
    }
}

/// Integer return types of libc calls that signal an error with `-1`.
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
