//! [`Interface`]: the interface part of every CAN address, and the two ioctls that translate
//! it (`SIOCGIFINDEX` on the socket itself, as CPython does, and `SIOCGIFNAME`).

use std::fmt;
use std::io;
use std::os::fd::{AsRawFd, BorrowedFd, OwnedFd};
use std::str::FromStr;

use sock_core::invalid_input;

/// `IFNAMSIZ`: interface names are at most 15 bytes plus a NUL.
pub const IFNAMSIZ: usize = 16;

/// A network interface name of 1 to 15 bytes without NUL, stored inline (no allocation).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct IfName {
    bytes: [u8; IFNAMSIZ],
    len: u8,
}

impl IfName {
    /// Checks and copies `name`. Empty names and names with NUL are `InvalidInput`; names of 16
    /// bytes or more are `InvalidInput` "interface name too long" (CPython's message).
    pub fn new(name: &str) -> io::Result<IfName> {
        IfName::from_bytes(name.as_bytes())
    }

    fn from_bytes(name: &[u8]) -> io::Result<IfName> {
        if name.len() >= IFNAMSIZ {
            return Err(invalid_input("interface", "AF_CAN interface name too long"));
        }
        if name.is_empty() {
            return Err(invalid_input("interface", "empty interface name"));
        }
        if name.contains(&0) {
            return Err(invalid_input("interface", "interface name contains a NUL byte"));
        }
        let mut bytes = [0u8; IFNAMSIZ];
        bytes[..name.len()].copy_from_slice(name);
        Ok(IfName { bytes, len: name.len() as u8 })
    }

    /// The name (lossy if the kernel reported bytes that are not UTF-8).
    pub fn as_str(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.bytes[..self.len as usize])
    }

    /// The name's bytes without the NUL.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }
}

impl fmt::Debug for IfName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for IfName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
    }
}

/// Which interface a CAN address names.
///
/// Text form: `""` for all interfaces (CPython's `''`), `#7` for an interface known only by its
/// index (a decoded address whose index has no name), otherwise the name (`vcan0`).
///
/// ```
/// use sock_can::Interface;
/// let i: Interface = "vcan0".parse()?;
/// assert_eq!(i.to_string(), "vcan0");
/// assert_eq!("".parse::<Interface>()?, Interface::Any);
/// assert_eq!("#3".parse::<Interface>()?, Interface::Index(3));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Interface {
    /// Every CAN interface (ifindex 0).
    #[default]
    Any,
    /// An interface by name, resolved with `SIOCGIFINDEX` on the socket when used.
    Name(IfName),
    /// An interface by index.
    Index(u32),
}

impl Interface {
    /// An interface from a name as CPython takes it: `""` is every interface, anything else a
    /// name (16 bytes or more: `InvalidInput` "interface name too long").
    pub fn new(name: &str) -> io::Result<Interface> {
        if name.is_empty() {
            return Ok(Interface::Any);
        }
        IfName::new(name).map(Interface::Name)
    }

    /// The interface of a kernel `can_ifindex`: 0 is [`Interface::Any`]; otherwise the name
    /// from `SIOCGIFNAME`, or [`Interface::Index`] if the index has no name (any more).
    pub fn from_index(index: u32) -> Interface {
        if index == 0 {
            return Interface::Any;
        }
        match index_to_name(index) {
            Ok(name) => Interface::Name(name),
            Err(_) => Interface::Index(index),
        }
    }

    /// The interface index for a socket address, resolving a name with `SIOCGIFINDEX` on
    /// `fd` (an unknown name is the kernel's `ENODEV`).
    pub fn index_on(&self, fd: BorrowedFd<'_>) -> io::Result<u32> {
        match self {
            Interface::Any => Ok(0),
            Interface::Index(i) => Ok(*i),
            Interface::Name(name) => name_to_index(fd, name),
        }
    }
}

impl fmt::Display for Interface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Interface::Any => Ok(()),
            Interface::Name(n) => n.fmt(f),
            Interface::Index(i) => write!(f, "#{i}"),
        }
    }
}

impl FromStr for Interface {
    type Err = io::Error;

    fn from_str(s: &str) -> io::Result<Interface> {
        if let Some(index) = s.strip_prefix('#') {
            let index = index.parse::<u32>().map_err(|_| invalid_input("interface", "bad interface index"))?;
            return Ok(if index == 0 { Interface::Any } else { Interface::Index(index) });
        }
        Interface::new(s)
    }
}

impl From<IfName> for Interface {
    fn from(name: IfName) -> Self {
        Interface::Name(name)
    }
}

/// A zeroed `struct ifreq`.
fn ifreq() -> libc::ifreq {
    // SAFETY: `ifreq` is a C struct of a char array and a union of integers/arrays/pointers,
    // for which all-zero bytes are a valid value.
    unsafe { std::mem::zeroed() }
}

/// `ioctl(fd, SIOCGIFINDEX)`: the index of interface `name`, looked up on `fd` as CPython does.
pub fn name_to_index(fd: BorrowedFd<'_>, name: &IfName) -> io::Result<u32> {
    let mut req = ifreq();
    for (dst, src) in req.ifr_name.iter_mut().zip(name.as_bytes()) {
        *dst = *src as libc::c_char;
    }
    // SAFETY: `req` is a valid, NUL-terminated ifreq that lives across the call; SIOCGIFINDEX
    // reads ifr_name and writes ifr_ifindex inside it.
    let rc = unsafe { libc::ioctl(fd.as_raw_fd(), libc::SIOCGIFINDEX, &mut req) };
    sock_core::cvt(rc)?;
    // SAFETY: after a successful SIOCGIFINDEX the union holds `ifru_ifindex`.
    let index = unsafe { req.ifr_ifru.ifru_ifindex };
    Ok(index as u32)
}

/// A socket to run `SIOCGIFNAME` on when the caller has none (decoding an address).
fn scratch_socket() -> io::Result<OwnedFd> {
    let s = sock_core::Socket::new(sock_core::Family::UNIX, sock_core::Type::DGRAM, None)?;
    // SAFETY: `detach` hands over the fd that `s` owned, so we become its only owner.
    Ok(unsafe { std::os::fd::FromRawFd::from_raw_fd(s.detach()) })
}

/// `ioctl(SIOCGIFNAME)`: the name of interface `index` (`ENODEV` if there is none).
pub fn index_to_name(index: u32) -> io::Result<IfName> {
    let index = i32::try_from(index).map_err(|_| invalid_input("index", "interface index out of range"))?;
    let fd = scratch_socket()?;
    let mut req = ifreq();
    req.ifr_ifru.ifru_ifindex = index;
    // SAFETY: `req` is a valid ifreq that lives across the call; SIOCGIFNAME reads
    // ifr_ifindex and writes a NUL-terminated name into ifr_name.
    let rc = unsafe { libc::ioctl(fd.as_raw_fd(), libc::SIOCGIFNAME, &mut req) };
    sock_core::cvt(rc)?;
    let bytes: Vec<u8> = req.ifr_name.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    IfName::from_bytes(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(Interface::new("").unwrap(), Interface::Any);
        let long = "x".repeat(1024);
        let e = Interface::new(&long).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("interface name too long"));
        assert!(Interface::new(&"x".repeat(16)).is_err());
        assert!(Interface::new(&"x".repeat(15)).is_ok());
        assert!(Interface::new("a\0b").is_err());
        assert!("#x".parse::<Interface>().is_err());
    }

    #[test]
    fn loopback_round_trips() {
        let lo = index_to_name(1).unwrap();
        assert_eq!(lo.as_str(), "lo");
        let s = sock_core::Socket::new(sock_core::Family::UNIX, sock_core::Type::DGRAM, None).unwrap();
        assert_eq!(name_to_index(s.as_fd(), &lo).unwrap(), 1);
        let e = name_to_index(s.as_fd(), &IfName::new("nosuchif0").unwrap()).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENODEV));
        assert_eq!(Interface::from_index(0x7fff_fff0), Interface::Index(0x7fff_fff0));
    }
}
