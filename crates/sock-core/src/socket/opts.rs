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
    pub const fn new(level: c_int, name: c_int) -> Self {
        SockOpt { level, name, _value: PhantomData }
    }
}

/// The type of an option's value: any [`Pod`] value as its bytes, and `bool` as the kernel's
/// `int` 0 or 1 (read back as "not zero"), so on/off options are declared `SockOpt<bool>`.
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
    pub fn setsockopt_u64(&self, level: c_int, name: c_int, value: u64) -> io::Result<()> {
        sys::setsockopt(self.as_fd(), level, name, Some(&value.to_ne_bytes()), 0)
    }

    /// `getsockopt` into `buf`; returns how many bytes the kernel wrote.
    pub fn getsockopt_into(&self, level: c_int, name: c_int, buf: &mut [u8]) -> io::Result<usize> {
        sys::getsockopt(self.as_fd(), level, name, buf)
    }

    /// `socket.getsockopt(level, name, buflen)`: the option as bytes. `buflen` must be 1 to
    /// 1024 as in CPython, else `InvalidInput` ("getsockopt buflen out of range").
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
    pub fn setsockopt_int(&self, level: c_int, name: c_int, value: c_int) -> io::Result<()> {
        if int_option_is_u64(level, name) {
            let wide = u64::try_from(value)
                .map_err(|_| invalid_input("value", "an AF_VSOCK buffer size cannot be negative"))?;
            return self.setsockopt_u64(level, name, wide);
        }
        sys::setsockopt(self.as_fd(), level, name, Some(bytes_of(&value)), 0)
    }

    /// `socket.setsockopt(level, name, buffer)`.
    pub fn setsockopt_bytes(&self, level: c_int, name: c_int, value: &[u8]) -> io::Result<()> {
        sys::setsockopt(self.as_fd(), level, name, Some(value), 0)
    }

    /// `socket.setsockopt(level, name, None, optlen)`: a NULL value with a length, as
    /// `ALG_SET_AEAD_AUTHSIZE` wants.
    pub fn setsockopt_null(&self, level: c_int, name: c_int, optlen: u32) -> io::Result<()> {
        sys::setsockopt(self.as_fd(), level, name, None, optlen)
    }

    /// Reads a typed option. A value shorter than `T` (the kernel wrote less) leaves the rest
    /// zero.
    pub fn get<T: OptValue>(&self, opt: SockOpt<T>) -> io::Result<T> {
        let mut value: T::Raw = zeroed();
        sys::getsockopt(self.as_fd(), opt.level, opt.name, bytes_of_mut(&mut value))?;
        Ok(T::from_raw(value))
    }

    /// Writes a typed option.
    pub fn set<T: OptValue>(&self, opt: SockOpt<T>, value: &T) -> io::Result<()> {
        let raw = value.to_raw();
        sys::setsockopt(self.as_fd(), opt.level, opt.name, Some(bytes_of(&raw)), 0)
    }

    /// Reads a boolean option (an `int` that is zero or not).
    pub fn get_flag(&self, level: c_int, name: c_int) -> io::Result<bool> {
        self.getsockopt_int(level, name).map(|v| v != 0)
    }

    /// Writes a boolean option as an `int` 0 or 1.
    pub fn set_flag(&self, level: c_int, name: c_int, on: bool) -> io::Result<()> {
        self.setsockopt_int(level, name, c_int::from(on))
    }
}
