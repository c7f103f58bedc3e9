//! The three modes of a socket (blocking, non-blocking, timeout) and the module-wide default
//! timeout, as in the spec's "Notes on socket timeouts".

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How a socket's calls wait. CPython's `settimeout(None)`, `settimeout(0.0)` and
/// `settimeout(t)`.
///
/// ```
/// use sock::{Family, Mode, Socket, Type};
/// use std::time::Duration;
/// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
/// assert_eq!(s.mode(), Mode::Blocking);
/// s.set_mode(Mode::Timeout(Duration::from_millis(20)))?;
/// let e = s.recv(&mut [0u8; 1]).unwrap_err(); // nothing arrives: the timeout expires
/// assert_eq!(e.kind(), std::io::ErrorKind::TimedOut);
/// s.set_mode(Mode::NonBlocking)?;
/// assert_eq!(s.recv(&mut [0u8; 1]).unwrap_err().kind(), std::io::ErrorKind::WouldBlock);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Calls block until they complete (`settimeout(None)`); the fd is blocking.
    Blocking,
    /// Calls fail with `WouldBlock` instead of waiting (`settimeout(0.0)`); the fd is
    /// `O_NONBLOCK`.
    NonBlocking,
    /// Calls wait at most this long in all (`settimeout(t)`); the fd is `O_NONBLOCK` and
    /// each call polls only after the syscall reported `EAGAIN`. Never zero.
    Timeout(Duration),
}

impl Mode {
    /// The mode for CPython's timeout value: `None` blocks, zero is non-blocking.
    ///
    /// ```
    /// use sock::Mode;
    /// use std::time::Duration;
    /// assert_eq!(Mode::from_timeout(None), Mode::Blocking);
    /// assert_eq!(Mode::from_timeout(Some(Duration::ZERO)), Mode::NonBlocking);
    /// assert_eq!(Mode::from_timeout(Some(Duration::from_secs(2))), Mode::Timeout(Duration::from_secs(2)));
    /// ```
    pub fn from_timeout(timeout: Option<Duration>) -> Mode {
        match timeout {
            None => Mode::Blocking,
            Some(d) if d.is_zero() => Mode::NonBlocking,
            Some(d) => Mode::Timeout(d),
        }
    }

    /// The timeout as CPython's `gettimeout()` reports it: `None` when blocking, zero when
    /// non-blocking.
    ///
    /// ```
    /// use sock::Mode;
    /// use std::time::Duration;
    /// assert_eq!(Mode::Blocking.timeout(), None);
    /// assert_eq!(Mode::NonBlocking.timeout(), Some(Duration::ZERO));
    /// for t in [None, Some(Duration::ZERO), Some(Duration::from_secs(1))] {
    ///     assert_eq!(Mode::from_timeout(t).timeout(), t); // round trip
    /// }
    /// ```
    pub fn timeout(self) -> Option<Duration> {
        match self {
            Mode::Blocking => None,
            Mode::NonBlocking => Some(Duration::ZERO),
            Mode::Timeout(d) => Some(d),
        }
    }

    /// Whether the fd must carry `O_NONBLOCK` in this mode.
    ///
    /// ```
    /// use sock::Mode;
    /// use std::time::Duration;
    /// assert!(!Mode::Blocking.fd_nonblocking());
    /// assert!(Mode::NonBlocking.fd_nonblocking());
    /// assert!(Mode::Timeout(Duration::from_secs(1)).fd_nonblocking()); // waits with poll
    /// ```
    pub fn fd_nonblocking(self) -> bool {
        !matches!(self, Mode::Blocking)
    }

    /// Packs the mode in a `u64`: `u64::MAX` blocks, 0 is non-blocking, anything else is a
    /// timeout in nanoseconds (durations beyond ~584 years are clamped).
    pub(crate) fn encode(self) -> u64 {
        match self {
            Mode::Blocking => u64::MAX,
            Mode::NonBlocking => 0,
            Mode::Timeout(d) => u64::try_from(d.as_nanos()).unwrap_or(u64::MAX - 1).clamp(1, u64::MAX - 1),
        }
    }

    pub(crate) fn decode(raw: u64) -> Mode {
        match raw {
            u64::MAX => Mode::Blocking,
            0 => Mode::NonBlocking,
            nanos => Mode::Timeout(Duration::from_nanos(nanos)),
        }
    }
}

/// An atomically updated [`Mode`].
#[derive(Debug)]
pub(crate) struct AtomicMode(AtomicU64);

impl AtomicMode {
    pub(crate) fn new(mode: Mode) -> Self {
        AtomicMode(AtomicU64::new(mode.encode()))
    }

    pub(crate) fn get(&self) -> Mode {
        Mode::decode(self.0.load(Ordering::Relaxed))
    }

    pub(crate) fn set(&self, mode: Mode) {
        self.0.store(mode.encode(), Ordering::Relaxed);
    }
}

static DEFAULT_MODE: AtomicU64 = AtomicU64::new(u64::MAX);

/// The timeout new sockets start with (`socket.getdefaulttimeout()`); `None` (blocking)
/// unless [`set_default_timeout`] changed it.
///
/// ```
/// use std::time::Duration;
/// assert_eq!(sock::core::default_timeout(), None);
/// sock::core::set_default_timeout(Some(Duration::from_secs(3)));
/// assert_eq!(sock::core::default_timeout(), Some(Duration::from_secs(3)));
/// # sock::core::set_default_timeout(None);
/// ```
pub fn default_timeout() -> Option<Duration> {
    Mode::decode(DEFAULT_MODE.load(Ordering::Relaxed)).timeout()
}

/// Sets the timeout that sockets created or accepted from now on start with
/// (`socket.setdefaulttimeout()`); `None` means blocking, zero non-blocking.
///
/// ```
/// use sock::{Family, Socket, Type};
/// use std::time::Duration;
/// sock::core::set_default_timeout(Some(Duration::from_secs(5)));
/// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
/// assert_eq!(s.timeout(), Some(Duration::from_secs(5)));
/// sock::core::set_default_timeout(None);
/// assert_eq!(Socket::new(Family::INET, Type::DGRAM, None)?.timeout(), None);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn set_default_timeout(timeout: Option<Duration>) {
    DEFAULT_MODE.store(Mode::from_timeout(timeout).encode(), Ordering::Relaxed);
}

/// [`set_default_timeout`] with seconds as a float, as Python gives them (`None`: blocking);
/// a negative, NaN or too large value is `InvalidInput` naming `timeout`.
///
/// ```
/// use std::time::Duration;
/// sock::core::set_default_timeout_secs(0.5)?;
/// assert_eq!(sock::core::default_timeout(), Some(Duration::from_millis(500)));
/// assert!(sock::core::set_default_timeout_secs(f64::NAN).is_err());
/// sock::core::set_default_timeout_secs(None)?;
/// assert_eq!(sock::core::default_timeout(), None);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn set_default_timeout_secs(seconds: impl Into<Option<f64>>) -> std::io::Result<()> {
    set_default_timeout(crate::socket::secs_to_timeout(seconds.into())?);
    Ok(())
}

pub(crate) fn default_mode() -> Mode {
    Mode::decode(DEFAULT_MODE.load(Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        for mode in [
            Mode::Blocking,
            Mode::NonBlocking,
            Mode::Timeout(Duration::from_nanos(1)),
            Mode::Timeout(Duration::from_millis(1500)),
        ] {
            assert_eq!(Mode::decode(mode.encode()), mode);
        }
        let huge = Mode::Timeout(Duration::MAX);
        assert!(matches!(Mode::decode(huge.encode()), Mode::Timeout(_)));
    }

    #[test]
    fn from_timeout_matches_cpython() {
        assert_eq!(Mode::from_timeout(None), Mode::Blocking);
        assert_eq!(Mode::from_timeout(Some(Duration::ZERO)), Mode::NonBlocking);
        assert_eq!(Mode::NonBlocking.timeout(), Some(Duration::ZERO));
        assert!(!Mode::Blocking.fd_nonblocking());
    }
}
