//! `getsockopt`/`setsockopt` in CPython's three forms (integer, buffer, NULL with a length),
//! plus [`SockOpt`], a typed option declaration that family crates use.

use std::io;
use std::marker::PhantomData;
use std::os::fd::BorrowedFd;

use libc::c_int;

use super::Socket;
use crate::error::invalid_input;
use crate::pod::{bytes_of, bytes_of_mut, zeroed, Pod};
use crate::sys;

/// CPython's limit for `getsockopt(level, name, buflen)`.
pub const GETSOCKOPT_MAX_BUFLEN: usize = 1024;

pub(super) fn get_int_raw(fd: BorrowedFd<'_>, level: c_int, name: c_int) -> io::Result<c_int> {
    let mut value: c_int = 0;
    sys::getsockopt(fd, level, name, bytes_of_mut(&mut value))?;
    Ok(value)
}

/// Whether CPython's integer option forms pass this option as a 64-bit value: the
/// `SO_VM_SOCKETS_BUFFER_SIZE`/`_MIN_SIZE`/`_MAX_SIZE` options (0, 1, 2) at level `AF_VSOCK`,
/// which the kernel reads and writes as `u64` only. (CPython widens every option of an
/// `AF_VSOCK` socket; this rule is narrower on purpose, so other options keep their `int`
/// width, which is also right on big-endian machines.)
fn int_option_is_u64(level: c_int, name: c_int) -> bool {
    level == crate::consts::AF_VSOCK && matches!(name, 0..=2)
}

/// A typed socket option: its level, its name and the type of its value.
///
/// ```
/// use sock::{SockOpt, Socket, Family, Type, consts};
/// const REUSEADDR: SockOpt<bool> = SockOpt::new(consts::SOL_SOCKET, consts::SO_REUSEADDR);
/// const RCVBUF: SockOpt<i32> = SockOpt::new(consts::SOL_SOCKET, consts::SO_RCVBUF);
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// s.set(REUSEADDR, &true)?;
/// assert!(s.get(REUSEADDR)?);
/// s.set(RCVBUF, &8192)?;
/// assert!(s.get(RCVBUF)? >= 8192);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct SockOpt<T> {
    /// The option level (`SOL_SOCKET`, `IPPROTO_TCP`...).
    pub level: c_int,
    /// The option name (`SO_REUSEADDR`, `TCP_NODELAY`...).
    pub name: c_int,
    _value: PhantomData<fn() -> T>,
}

impl<T> Clone for SockOpt<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for SockOpt<T> {}

impl<T: OptValue> SockOpt<T> {
    /// Declares an option.
    ///
    /// ```
    /// use sock::consts::{IPPROTO_IP, IP_TTL};
    /// use sock::{Family, SockOpt, Socket, Type};
    /// const TTL: SockOpt<i32> = SockOpt::new(IPPROTO_IP, IP_TTL);
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set(TTL, &5)?;
    /// assert_eq!(s.get(TTL)?, 5);
    /// assert_eq!((TTL.level, TTL.name), (IPPROTO_IP, IP_TTL));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn new(level: c_int, name: c_int) -> Self {
        SockOpt { level, name, _value: PhantomData }
    }
}

/// The type of an option's value: any [`Pod`] value as its bytes, and `bool` as the kernel's
/// `int` 0 or 1 (read back as "not zero"), so on/off options are declared `SockOpt<bool>`.
///
/// ```
/// use sock::consts::{IPPROTO_TCP, TCP_USER_TIMEOUT};
/// use sock::{Family, OptValue, SockOpt, Socket, Type};
/// use std::time::Duration;
///
/// // A family crate's typed value: TCP_USER_TIMEOUT is an `unsigned int` of milliseconds.
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// struct Millis(Duration);
/// impl OptValue for Millis {
///     type Raw = u32;
///     fn to_raw(self) -> u32 {
///         u32::try_from(self.0.as_millis()).unwrap_or(u32::MAX)
///     }
///     fn from_raw(raw: u32) -> Self {
///         Millis(Duration::from_millis(raw.into()))
///     }
/// }
/// const USER_TIMEOUT: SockOpt<Millis> = SockOpt::new(IPPROTO_TCP, TCP_USER_TIMEOUT);
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// s.set(USER_TIMEOUT, &Millis(Duration::from_secs(30)))?;
/// assert_eq!(s.get(USER_TIMEOUT)?, Millis(Duration::from_secs(30)));
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait OptValue: Copy {
    /// The value as the kernel holds it.
    type Raw: Pod;
    /// To the kernel's form.
    fn to_raw(self) -> Self::Raw;
    /// From the kernel's form.
    fn from_raw(raw: Self::Raw) -> Self;
}

impl<T: Pod> OptValue for T {
    type Raw = T;
    fn to_raw(self) -> T {
        self
    }
    fn from_raw(raw: T) -> T {
        raw
    }
}

impl OptValue for bool {
    type Raw = c_int;
    fn to_raw(self) -> c_int {
        c_int::from(self)
    }
    fn from_raw(raw: c_int) -> bool {
        raw != 0
    }
}

impl Socket {
    /// `socket.getsockopt(level, name)`: the option as an integer.
    ///
    /// The 64-bit `AF_VSOCK` buffer sizes (`SO_VM_SOCKETS_BUFFER_SIZE`, `_MIN_SIZE`,
    /// `_MAX_SIZE`) are read as `u64`, as CPython does; a value that does not fit a `c_int` is
    /// `InvalidData` (use [`getsockopt_u64`](Socket::getsockopt_u64)).
    ///
    /// ```
    /// use sock::consts::{SOCK_DGRAM, SOL_SOCKET, SO_TYPE};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(s.getsockopt_int(SOL_SOCKET, SO_TYPE)?, SOCK_DGRAM);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn getsockopt_int(&self, level: c_int, name: c_int) -> io::Result<c_int> {
        if int_option_is_u64(level, name) {
            let wide = self.getsockopt_u64(level, name)?;
            return c_int::try_from(wide).map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("getsockopt({level}, {name}): {wide} does not fit an int; use getsockopt_u64"),
                )
            });
        }
        get_int_raw(self.as_fd(), level, name)
    }

    /// The option as a 64-bit unsigned integer (a shorter value the kernel writes, such as an
    /// `int`, is zero-extended).
    ///
    /// ```
    /// use sock::consts::{SOL_SOCKET, SO_MAX_PACING_RATE, SO_RCVBUF};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert_eq!(s.getsockopt_u64(SOL_SOCKET, SO_MAX_PACING_RATE)?, u64::MAX); // 64-bit: unlimited
    /// // An `int` option comes back zero-extended:
    /// assert_eq!(s.getsockopt_u64(SOL_SOCKET, SO_RCVBUF)?, s.getsockopt_int(SOL_SOCKET, SO_RCVBUF)? as u64);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn getsockopt_u64(&self, level: c_int, name: c_int) -> io::Result<u64> {
        let mut bytes = [0u8; 8];
        let n = sys::getsockopt(self.as_fd(), level, name, &mut bytes)?;
        match n {
            8 => Ok(u64::from_ne_bytes(bytes)),
            4 => Ok(u64::from(u32::from_ne_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))),
            2 => Ok(u64::from(u16::from_ne_bytes([bytes[0], bytes[1]]))),
            1 => Ok(u64::from(bytes[0])),
            _ => Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("getsockopt({level}, {name}): the kernel wrote {n} bytes, not an integer"),
            )),
        }
    }

    /// Writes a 64-bit option value (`SO_VM_SOCKETS_BUFFER_SIZE` ...).
    ///
    /// ```
    /// use sock::consts::{SOL_SOCKET, SO_MAX_PACING_RATE};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// s.setsockopt_u64(SOL_SOCKET, SO_MAX_PACING_RATE, 5_000_000_000)?; // bytes per second
    /// assert_eq!(s.getsockopt_u64(SOL_SOCKET, SO_MAX_PACING_RATE)?, 5_000_000_000);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn setsockopt_u64(&self, level: c_int, name: c_int, value: u64) -> io::Result<()> {
        sys::setsockopt(self.as_fd(), level, name, Some(&value.to_ne_bytes()), 0)
    }

    /// `getsockopt` into `buf`; returns how many bytes the kernel wrote.
    ///
    /// ```
    /// use sock::consts::{SOL_SOCKET, SO_PEERCRED};
    /// use sock::{Family, Socket, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let mut buf = [0u8; 12]; // struct ucred
    /// assert_eq!(a.getsockopt_into(SOL_SOCKET, SO_PEERCRED, &mut buf)?, 12);
    /// let peer: libc::ucred = sock::pod::read_pod(&buf).unwrap();
    /// assert_eq!(peer.pid as u32, std::process::id()); // this process made both ends
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn getsockopt_into(&self, level: c_int, name: c_int, buf: &mut [u8]) -> io::Result<usize> {
        sys::getsockopt(self.as_fd(), level, name, buf)
    }

    /// `socket.getsockopt(level, name, buflen)`: the option as bytes. `buflen` must be 1 to
    /// 1024 as in CPython, else `InvalidInput` ("getsockopt buflen out of range").
    ///
    /// ```
    /// use sock::consts::{SOL_SOCKET, SO_PEERCRED};
    /// use sock::{Family, Socket, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let bytes = a.getsockopt_vec(SOL_SOCKET, SO_PEERCRED, 64)?;
    /// assert_eq!(bytes.len(), 12); // what the kernel wrote
    /// assert!(a.getsockopt_vec(SOL_SOCKET, SO_PEERCRED, 0).is_err()); // 1 to 1024, as CPython
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn getsockopt_vec(&self, level: c_int, name: c_int, buflen: usize) -> io::Result<Vec<u8>> {
        if buflen == 0 || buflen > GETSOCKOPT_MAX_BUFLEN {
            return Err(invalid_input("buflen", "getsockopt buflen out of range"));
        }
        let mut buf = vec![0u8; buflen];
        let n = self.getsockopt_into(level, name, &mut buf)?;
        buf.truncate(n);
        Ok(buf)
    }

    /// `socket.setsockopt(level, name, int)`. The 64-bit `AF_VSOCK` buffer sizes go to the
    /// kernel as `u64`, as CPython does (the kernel refuses 4 bytes for them); a negative value
    /// for them is `InvalidInput`.
    ///
    /// ```
    /// use sock::consts::{IPPROTO_IP, IP_TTL};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.setsockopt_int(IPPROTO_IP, IP_TTL, 8)?;
    /// assert_eq!(s.getsockopt_int(IPPROTO_IP, IP_TTL)?, 8);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn setsockopt_int(&self, level: c_int, name: c_int, value: c_int) -> io::Result<()> {
        if int_option_is_u64(level, name) {
            let wide = u64::try_from(value)
                .map_err(|_| invalid_input("value", "an AF_VSOCK buffer size cannot be negative"))?;
            return self.setsockopt_u64(level, name, wide);
        }
        sys::setsockopt(self.as_fd(), level, name, Some(bytes_of(&value)), 0)
    }

    /// `socket.setsockopt(level, name, buffer)`.
    ///
    /// ```
    /// use sock::consts::{SOL_SOCKET, SO_LINGER};
    /// use sock::{Family, Socket, Type};
    /// use std::time::Duration;
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// let linger = libc::linger { l_onoff: 1, l_linger: 4 };
    /// s.setsockopt_bytes(SOL_SOCKET, SO_LINGER, sock::pod::bytes_of(&linger))?;
    /// assert_eq!(s.linger()?, Some(Duration::from_secs(4)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn setsockopt_bytes(&self, level: c_int, name: c_int, value: &[u8]) -> io::Result<()> {
        sys::setsockopt(self.as_fd(), level, name, Some(value), 0)
    }

    /// `socket.setsockopt(level, name, None, optlen)`: a NULL value with a length, as
    /// `ALG_SET_AEAD_AUTHSIZE` wants.
    ///
    /// ```
    /// use sock::consts::{ALG_SET_AEAD_AUTHSIZE, ALG_SET_KEY, SOL_ALG};
    /// use sock::{alg::AlgAddr, Family, Socket, Type};
    /// let Ok(tfm) = Socket::new(Family::ALG, Type::SEQPACKET, None) else {
    ///     return Ok(()); // this kernel has no AF_ALG
    /// };
    /// tfm.bind("aead:gcm(aes)".parse::<AlgAddr>()?)?;
    /// tfm.setsockopt_bytes(SOL_ALG, ALG_SET_KEY, &[0x42; 16])?;
    /// // The tag length is the option's length; there is no value.
    /// tfm.setsockopt_null(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, 16)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn setsockopt_null(&self, level: c_int, name: c_int, optlen: u32) -> io::Result<()> {
        sys::setsockopt(self.as_fd(), level, name, None, optlen)
    }

    /// Reads a typed option. A value shorter than `T` (the kernel wrote less) leaves the rest
    /// zero.
    ///
    /// ```
    /// use sock::consts::{SOL_SOCKET, SO_LINGER};
    /// use sock::{Family, SockOpt, Socket, Type};
    /// const LINGER: SockOpt<libc::linger> = SockOpt::new(SOL_SOCKET, SO_LINGER);
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// let l = s.get(LINGER)?;
    /// assert_eq!((l.l_onoff, l.l_linger), (0, 0)); // off by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn get<T: OptValue>(&self, opt: SockOpt<T>) -> io::Result<T> {
        let mut value: T::Raw = zeroed();
        sys::getsockopt(self.as_fd(), opt.level, opt.name, bytes_of_mut(&mut value))?;
        Ok(T::from_raw(value))
    }

    /// Writes a typed option.
    ///
    /// ```
    /// use sock::consts::{IPPROTO_TCP, TCP_NODELAY};
    /// use sock::{Family, SockOpt, Socket, Type};
    /// const NODELAY: SockOpt<bool> = SockOpt::new(IPPROTO_TCP, TCP_NODELAY);
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// s.set(NODELAY, &true)?;
    /// assert!(s.get(NODELAY)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set<T: OptValue>(&self, opt: SockOpt<T>, value: &T) -> io::Result<()> {
        let raw = value.to_raw();
        sys::setsockopt(self.as_fd(), opt.level, opt.name, Some(bytes_of(&raw)), 0)
    }

    /// Reads a boolean option (an `int` that is zero or not).
    ///
    /// ```
    /// use sock::consts::{IPPROTO_TCP, TCP_NODELAY};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert!(!s.get_flag(IPPROTO_TCP, TCP_NODELAY)?); // Nagle's algorithm is on by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn get_flag(&self, level: c_int, name: c_int) -> io::Result<bool> {
        self.getsockopt_int(level, name).map(|v| v != 0)
    }

    /// Writes a boolean option as an `int` 0 or 1.
    ///
    /// ```
    /// use sock::consts::{IPPROTO_TCP, TCP_NODELAY};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::STREAM, None)?;
    /// s.set_flag(IPPROTO_TCP, TCP_NODELAY, true)?;
    /// assert!(s.get_flag(IPPROTO_TCP, TCP_NODELAY)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_flag(&self, level: c_int, name: c_int, on: bool) -> io::Result<()> {
        self.setsockopt_int(level, name, c_int::from(on))
    }
}
