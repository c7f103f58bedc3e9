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

/// A typed socket option: its level, its name and the type of its value.
///
/// ```
/// use sock_core::{SockOpt, Socket, Family, Type, consts};
/// const REUSEADDR: SockOpt<i32> = SockOpt::new(consts::SOL_SOCKET, consts::SO_REUSEADDR);
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// s.set(REUSEADDR, &1)?;
/// assert_eq!(s.get(REUSEADDR)?, 1);
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

impl<T: Pod> SockOpt<T> {
    /// Declares an option.
    pub const fn new(level: c_int, name: c_int) -> Self {
        SockOpt { level, name, _value: PhantomData }
    }
}

impl Socket {
    /// `socket.getsockopt(level, name)`: the option as an integer.
    ///
    /// On `AF_VSOCK` sockets the value is read as 64 bits, as CPython does (the
    /// `SO_VM_SOCKETS_BUFFER_*` options are 64-bit; other options leave the upper half zero);
    /// a value that does not fit a `c_int` is `InvalidData` (use
    /// [`getsockopt_u64`](Socket::getsockopt_u64)).
    pub fn getsockopt_int(&self, level: c_int, name: c_int) -> io::Result<c_int> {
        if self.family() == crate::Family::VSOCK {
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

    /// `socket.setsockopt(level, name, int)`. On `AF_VSOCK` sockets the value goes to the
    /// kernel as 64 bits (sign-extended), as CPython does, since the `SO_VM_SOCKETS_BUFFER_*`
    /// options refuse anything shorter.
    pub fn setsockopt_int(&self, level: c_int, name: c_int, value: c_int) -> io::Result<()> {
        if self.family() == crate::Family::VSOCK {
            return self.setsockopt_u64(level, name, i64::from(value) as u64);
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
    pub fn get<T: Pod>(&self, opt: SockOpt<T>) -> io::Result<T> {
        let mut value: T = zeroed();
        sys::getsockopt(self.as_fd(), opt.level, opt.name, bytes_of_mut(&mut value))?;
        Ok(value)
    }

    /// Writes a typed option.
    pub fn set<T: Pod>(&self, opt: SockOpt<T>, value: &T) -> io::Result<()> {
        sys::setsockopt(self.as_fd(), opt.level, opt.name, Some(bytes_of(value)), 0)
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
