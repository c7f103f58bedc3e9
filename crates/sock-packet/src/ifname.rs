//! Interface names and their lookup on a socket: [`IfName`], [`Interface`], [`if_index`],
//! [`if_name`].
//!
//! Like CPython, lookups use `ioctl(SIOCGIFINDEX)`/`ioctl(SIOCGIFNAME)` on the socket itself,
//! so they see the network namespace the socket lives in (not the calling thread's). Unlike
//! CPython, a name longer than the kernel's limit is an error, never silently cut.

use std::fmt;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::str::FromStr;

use sock_core::{cvt, invalid_input};

/// `IFNAMSIZ`: the size of an interface name buffer, terminating NUL included.
pub const IFNAMSIZ: usize = 16;

/// A valid Linux interface name: 1 to 15 bytes (`IFNAMSIZ - 1`), not `.` or `..`, without
/// `/`, `:`, NUL or whitespace — the rules of the kernel's `dev_valid_name`.
///
/// ```
/// use sock_packet::IfName;
/// assert_eq!(IfName::new("eth0")?.as_str(), "eth0");
/// assert!(IfName::new("a-name-that-is-too-long").is_err());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IfName {
    len: u8,
    bytes: [u8; IFNAMSIZ - 1],
}

impl IfName {
    /// Validates `name`. Fails with `InvalidInput` naming `ifname` otherwise.
    pub fn new(name: &str) -> io::Result<Self> {
        if name.is_empty() {
            return Err(invalid_input("ifname", "interface name must not be empty"));
        }
        if name.len() >= IFNAMSIZ {
            return Err(invalid_input("ifname", "interface name too long (at most 15 bytes)"));
        }
        if name == "." || name == ".." {
            return Err(invalid_input("ifname", "`.` and `..` are not interface names"));
        }
        if name.bytes().any(|b| b == b'/' || b == b':' || b == 0 || b.is_ascii_whitespace()) {
            return Err(invalid_input("ifname", "interface names have no `/`, `:`, NUL or whitespace"));
        }
        let mut bytes = [0u8; IFNAMSIZ - 1];
        bytes[..name.len()].copy_from_slice(name.as_bytes());
        Ok(IfName { len: name.len() as u8, bytes })
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).expect("validated UTF-8")
    }

    /// The name as `ifr_name`: NUL-padded to `IFNAMSIZ` bytes.
    fn to_ifr_name(self) -> [u8; IFNAMSIZ] {
        let mut out = [0u8; IFNAMSIZ];
        out[..IFNAMSIZ - 1].copy_from_slice(&self.bytes);
        out
    }
}

impl fmt::Debug for IfName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for IfName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for IfName {
    type Err = io::Error;

    fn from_str(s: &str) -> io::Result<Self> {
        IfName::new(s)
    }
}

impl TryFrom<&str> for IfName {
    type Error = io::Error;

    fn try_from(s: &str) -> io::Result<Self> {
        IfName::new(s)
    }
}

/// The interface of a [`crate::PacketAddr`]: by index (what the kernel stores; 0 means every
/// interface) or by name (looked up on the socket when the address is used).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Interface {
    /// An interface index; 0 is "any interface" (bind) / "unknown".
    Index(u32),
    /// An interface name, resolved with `SIOCGIFINDEX` on the socket that uses it.
    Name(IfName),
}

impl Interface {
    /// Every interface (index 0).
    pub const ANY: Interface = Interface::Index(0);

    /// The interface named `name` (validated as [`IfName::new`] does).
    pub fn name(name: &str) -> io::Result<Self> {
        IfName::new(name).map(Interface::Name)
    }

    /// The index, looking a name up on `socket`.
    pub fn resolve(&self, socket: impl AsFd) -> io::Result<u32> {
        match self {
            Interface::Index(index) => Ok(*index),
            Interface::Name(name) => if_index(socket, name),
        }
    }
}

impl Default for Interface {
    fn default() -> Self {
        Interface::ANY
    }
}

impl From<u32> for Interface {
    fn from(index: u32) -> Self {
        Interface::Index(index)
    }
}

impl From<IfName> for Interface {
    fn from(name: IfName) -> Self {
        Interface::Name(name)
    }
}

/// `struct ifreq`: the name, then a 24-byte union of which these lookups use an `int`.
#[repr(C)]
struct IfReq {
    name: [u8; IFNAMSIZ],
    data: [u8; 24],
}

/// Runs an `ifreq` ioctl (`SIOCGIFINDEX` or `SIOCGIFNAME`) on `fd`.
fn ifreq_ioctl(fd: BorrowedFd<'_>, request: libc::c_ulong, req: &mut IfReq) -> io::Result<()> {
    // SAFETY: `req` is a live, exclusively borrowed 40-byte buffer with the layout of
    // `struct ifreq`; the two requests used here read and write only within that struct.
    cvt(unsafe { libc::ioctl(fd.as_raw_fd(), request, req as *mut IfReq) })?;
    Ok(())
}

/// The index of interface `name` in the network namespace of `socket` (`SIOCGIFINDEX`).
/// A missing interface is the OS error `ENODEV`.
pub fn if_index(socket: impl AsFd, name: &IfName) -> io::Result<u32> {
    let mut req = IfReq { name: name.to_ifr_name(), data: [0; 24] };
    ifreq_ioctl(socket.as_fd(), libc::SIOCGIFINDEX, &mut req)?;
    let index = i32::from_ne_bytes([req.data[0], req.data[1], req.data[2], req.data[3]]);
    Ok(index as u32)
}

/// The name of interface `index` in the network namespace of `socket` (`SIOCGIFNAME`).
/// A missing interface is the OS error `ENODEV`.
pub fn if_name(socket: impl AsFd, index: u32) -> io::Result<IfName> {
    let mut req = IfReq { name: [0; IFNAMSIZ], data: [0; 24] };
    req.data[..4].copy_from_slice(&(index as i32).to_ne_bytes());
    ifreq_ioctl(socket.as_fd(), libc::SIOCGIFNAME, &mut req)?;
    let len = req.name.iter().position(|&b| b == 0).unwrap_or(IFNAMSIZ);
    let name = std::str::from_utf8(&req.name[..len])
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "interface name is not UTF-8"))?;
    IfName::new(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sock_core::{Family, Socket, Type};

    #[test]
    fn names_are_checked_like_the_kernel() {
        assert!(IfName::new("a23456789012345").is_ok());
        for bad in ["", "a234567890123456", ".", "..", "a/b", "a:b", "a b", "a\0b", "a\tb"] {
            let e = IfName::new(bad).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
            assert!(e.to_string().starts_with("ifname:"));
        }
    }

    #[test]
    fn loopback_lookups_on_any_socket() {
        // Any socket can run these ioctls; a UNIX one needs no privileges or kernel options.
        let sock = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        let lo = IfName::new("lo").unwrap();
        let index = if_index(&sock, &lo).unwrap();
        assert_eq!(if_name(&sock, index).unwrap(), lo);
        assert_eq!(Interface::Name(lo).resolve(&sock).unwrap(), index);
        let missing = if_index(&sock, &IfName::new("nosuchif0").unwrap()).unwrap_err();
        assert_eq!(missing.raw_os_error(), Some(libc::ENODEV));
    }
}
