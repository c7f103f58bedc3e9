//! Network interfaces by name or index, translated on a socket: [`IfName`], [`Interface`],
//! [`if_index`] and [`if_name`]. CAN and PACKET addresses name interfaces; both families use
//! these.
//!
//! Like CPython, lookups are `ioctl(SIOCGIFINDEX)`/`ioctl(SIOCGIFNAME)` on the socket itself,
//! so they see the network namespace the socket lives in, not the calling thread's. Unlike
//! CPython's AF_PACKET parser, a name longer than the kernel's limit is an error, never cut.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::str::FromStr;

use crate::error::{cvt, invalid_input};

/// `IFNAMSIZ`: the size of an interface name buffer, terminating NUL included.
pub const IFNAMSIZ: usize = 16;

/// A valid Linux interface name: 1 to 15 bytes (`IFNAMSIZ - 1`), not `.` or `..`, without
/// `/`, `:`, NUL or whitespace — the rules of the kernel's `dev_valid_name`. Stored inline.
///
/// ```
/// use sock::IfName;
/// assert_eq!(IfName::new("vcan0")?.to_string(), "vcan0");
/// let e = IfName::new("a-name-that-is-too-long").unwrap_err();
/// assert!(e.to_string().contains("interface name too long"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IfName {
    len: u8,
    bytes: [u8; IFNAMSIZ - 1],
}

impl IfName {
    /// Validates `name`; anything else is `InvalidInput` naming `interface`.
    ///
    /// ```
    /// use sock::IfName;
    /// let lo = IfName::new("lo")?;
    /// assert_eq!(lo.as_bytes(), b"lo");
    /// for bad in ["", "..", "a/b", "eth 0", "sixteen-bytes-ab"] {
    ///     assert_eq!(IfName::new(bad).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(name: &str) -> io::Result<IfName> {
        IfName::from_bytes(name.as_bytes())
    }

    /// Validates raw name bytes (names are bytes to the kernel).
    ///
    /// ```
    /// use sock::IfName;
    /// let name = IfName::from_bytes(b"caf\xe9")?; // not UTF-8, still a valid name to the kernel
    /// assert_eq!(name.as_bytes(), b"caf\xe9");
    /// assert!(IfName::from_bytes(b"a\0b").is_err());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_bytes(name: &[u8]) -> io::Result<IfName> {
        if name.is_empty() {
            return Err(invalid_input("interface", "interface name must not be empty"));
        }
        if name.len() >= IFNAMSIZ {
            return Err(invalid_input("interface", "interface name too long (at most 15 bytes)"));
        }
        if name == b"." || name == b".." {
            return Err(invalid_input("interface", "`.` and `..` are not interface names"));
        }
        if name.iter().any(|&b| b == b'/' || b == b':' || b == 0 || b.is_ascii_whitespace()) {
            return Err(invalid_input("interface", "interface names have no `/`, `:`, NUL or whitespace"));
        }
        let mut bytes = [0u8; IFNAMSIZ - 1];
        bytes[..name.len()].copy_from_slice(name);
        Ok(IfName { len: name.len() as u8, bytes })
    }

    /// The name's bytes.
    ///
    /// ```
    /// use sock::IfName;
    /// assert_eq!(IfName::new("vcan0")?.as_bytes(), b"vcan0");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    /// The name as text (non-UTF-8 bytes, which the kernel allows, are replaced).
    ///
    /// ```
    /// use sock::IfName;
    /// assert_eq!(IfName::new("eth0")?.as_str(), "eth0");
    /// assert_eq!(IfName::from_bytes(b"caf\xe9")?.as_str(), "caf\u{fffd}");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_str(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(self.as_bytes())
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
        fmt::Debug::fmt(&self.as_str(), f)
    }
}

impl fmt::Display for IfName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str())
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

/// The interface part of an address: every interface, a name (looked up on the socket that
/// uses the address), or an index (what the kernel stores).
///
/// Text form: `""` for every interface, the name, or `#7` for an index.
///
/// ```
/// use sock::Interface;
/// assert_eq!("".parse::<Interface>()?, Interface::Any);
/// assert_eq!("#7".parse::<Interface>()?, Interface::Index(7));
/// assert_eq!("lo".parse::<Interface>()?.to_string(), "lo");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Interface {
    /// Every interface (index 0).
    #[default]
    Any,
    /// An interface name, resolved with `SIOCGIFINDEX` on the socket that uses it.
    Name(IfName),
    /// An interface index (never 0: that is [`Interface::Any`]).
    Index(u32),
}

impl Interface {
    /// Every interface.
    pub const ANY: Interface = Interface::Any;

    /// The interface named `name`; the empty name is [`Interface::Any`], as in CPython.
    ///
    /// ```
    /// use sock::{IfName, Interface};
    /// assert_eq!(Interface::name("lo")?, Interface::Name(IfName::new("lo")?));
    /// assert_eq!(Interface::name("")?, Interface::Any);
    /// assert!(Interface::name("no/slash").is_err());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn name(name: &str) -> io::Result<Interface> {
        if name.is_empty() {
            return Ok(Interface::Any);
        }
        IfName::new(name).map(Interface::Name)
    }

    /// The interface with `index`; 0 is [`Interface::Any`].
    ///
    /// ```
    /// use sock::Interface;
    /// assert_eq!(Interface::index(3), Interface::Index(3));
    /// assert_eq!(Interface::index(0), Interface::Any);
    /// assert_eq!(Interface::from(3u32).to_string(), "#3");
    /// ```
    pub fn index(index: u32) -> Interface {
        if index == 0 {
            Interface::Any
        } else {
            Interface::Index(index)
        }
    }

    /// The index, looking a name up on `socket` (0 for every interface).
    ///
    /// ```
    /// use sock::{Family, Interface, Socket, Type};
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?; // any socket will do
    /// let lo = Interface::name("lo")?.resolve(&s)?;
    /// assert!(lo > 0);
    /// assert_eq!(Interface::Any.resolve(&s)?, 0);
    /// assert_eq!(Interface::index(lo).resolve(&s)?, lo);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn resolve(&self, socket: impl AsFd) -> io::Result<u32> {
        match self {
            Interface::Any => Ok(0),
            Interface::Index(index) => Ok(*index),
            Interface::Name(name) => if_index(socket, name),
        }
    }

    /// This interface with an index replaced by its name as `socket` sees it; an index with
    /// no interface behind it stays an index.
    ///
    /// ```
    /// use sock::{Family, Interface, Socket, Type};
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// let lo = Interface::name("lo")?;
    /// let index = lo.resolve(&s)?;
    /// assert_eq!(Interface::index(index).named(&s), lo);
    /// assert_eq!(Interface::index(u32::MAX >> 1).named(&s), Interface::Index(u32::MAX >> 1));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn named(self, socket: impl AsFd) -> Interface {
        match self {
            Interface::Index(index) => if_name(socket, index).map(Interface::Name).unwrap_or(self),
            other => other,
        }
    }
}

impl fmt::Display for Interface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Interface::Any => Ok(()),
            Interface::Name(name) => name.fmt(f),
            Interface::Index(index) => write!(f, "#{index}"),
        }
    }
}

impl FromStr for Interface {
    type Err = io::Error;

    fn from_str(s: &str) -> io::Result<Interface> {
        match s.strip_prefix('#') {
            Some(digits) => Ok(Interface::index(crate::text::parse_num(digits, "interface index")?)),
            None => Interface::name(s),
        }
    }
}

impl From<IfName> for Interface {
    fn from(name: IfName) -> Self {
        Interface::Name(name)
    }
}

impl From<u32> for Interface {
    fn from(index: u32) -> Self {
        Interface::index(index)
    }
}

/// `struct ifreq`: the name, then a 24-byte union of which these lookups use an `int`.
#[repr(C)]
struct IfReq {
    name: [u8; IFNAMSIZ],
    data: [u8; 24],
}

const _: () = assert!(std::mem::size_of::<IfReq>() == std::mem::size_of::<libc::ifreq>());

/// Runs an `ifreq` ioctl (`SIOCGIFINDEX` or `SIOCGIFNAME`) on `fd`.
fn ifreq_ioctl(fd: BorrowedFd<'_>, request: libc::c_ulong, req: &mut IfReq) -> io::Result<()> {
    // SAFETY: `req` is a live, exclusively borrowed buffer with the size and layout of
    // `struct ifreq`; the two requests used here read and write only within that struct.
    cvt(unsafe { libc::ioctl(fd.as_raw_fd(), request, req as *mut IfReq) })?;
    Ok(())
}

/// An interface lookup's error: `vcan9: no such interface (ENODEV)` for a missing one (the
/// operation that looked it up adds its name: `bind vcan9: ...`).
#[cold]
fn no_such_interface(err: io::Error, name: impl fmt::Display) -> io::Error {
    let ctx = crate::ErrorContext::new(err, name);
    let ctx = match ctx.inner().raw_os_error() {
        Some(libc::ENODEV) => ctx.text("no such interface"),
        _ => ctx,
    };
    ctx.into()
}

/// The index of interface `name` in the network namespace of `socket` (`SIOCGIFINDEX`).
/// A missing interface is the OS error `ENODEV` (see [`errno`](crate::errno)), with the
/// message `vcan9: no such interface (ENODEV)`.
///
/// ```
/// use sock::core::{if_index, if_name};
/// use sock::{Family, IfName, Socket, Type};
/// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
/// let index = if_index(&s, &IfName::new("lo")?)?;
/// assert_eq!(if_name(&s, index)?.as_str(), "lo");
/// let e = if_index(&s, &IfName::new("nosuchif0")?).unwrap_err();
/// assert_eq!(sock::errno(&e), Some(libc::ENODEV));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn if_index(socket: impl AsFd, name: &IfName) -> io::Result<u32> {
    let mut req = IfReq { name: name.to_ifr_name(), data: [0; 24] };
    ifreq_ioctl(socket.as_fd(), libc::SIOCGIFINDEX, &mut req).map_err(|e| no_such_interface(e, name))?;
    Ok(i32::from_ne_bytes([req.data[0], req.data[1], req.data[2], req.data[3]]) as u32)
}

/// The name of interface `index` in the network namespace of `socket` (`SIOCGIFNAME`).
/// A missing interface is the OS error `ENODEV`.
///
/// ```
/// use sock::core::{if_index, if_name};
/// use sock::{Family, IfName, Socket, Type};
/// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?;
/// let lo = IfName::new("lo")?;
/// assert_eq!(if_name(&s, if_index(&s, &lo)?)?, lo);
/// assert_eq!(sock::errno(&if_name(&s, 0x7fff_fff0).unwrap_err()), Some(libc::ENODEV));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn if_name(socket: impl AsFd, index: u32) -> io::Result<IfName> {
    let index = i32::try_from(index).map_err(|_| invalid_input("index", "interface index out of range"))?;
    let mut req = IfReq { name: [0; IFNAMSIZ], data: [0; 24] };
    req.data[..4].copy_from_slice(&index.to_ne_bytes());
    ifreq_ioctl(socket.as_fd(), libc::SIOCGIFNAME, &mut req)
        .map_err(|e| no_such_interface(e, format_args!("#{index}")))?;
    let len = req.name.iter().position(|&b| b == 0).unwrap_or(IFNAMSIZ);
    IfName::from_bytes(&req.name[..len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Family, Socket, Type};
    use proptest::prelude::*;

    #[test]
    fn names_are_checked_like_the_kernel() {
        assert!(IfName::new("a23456789012345").is_ok());
        for bad in ["", "a234567890123456", ".", "..", "a/b", "a:b", "a b", "a\0b", "a\tb"] {
            let e = IfName::new(bad).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{bad:?}");
            assert!(e.to_string().starts_with("interface:"));
        }
        assert!(IfName::new(&"x".repeat(1024)).unwrap_err().to_string().contains("interface name too long"));
    }

    #[test]
    fn loopback_lookups_on_any_socket() {
        // Any socket can run these ioctls; a UNIX one needs no privileges or kernel options.
        let sock = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        let lo = IfName::new("lo").unwrap();
        let index = if_index(&sock, &lo).unwrap();
        assert_eq!(if_name(&sock, index).unwrap(), lo);
        assert_eq!(Interface::Name(lo).resolve(&sock).unwrap(), index);
        assert_eq!(Interface::index(index).named(&sock), Interface::Name(lo));
        assert_eq!(Interface::Any.resolve(&sock).unwrap(), 0);
        let missing = if_index(&sock, &IfName::new("nosuchif0").unwrap()).unwrap_err();
        assert_eq!(crate::errno(&missing), Some(libc::ENODEV));
        assert_eq!(missing.to_string(), "nosuchif0: no such interface (ENODEV)");
        assert_eq!(if_name(&sock, u32::MAX).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    proptest! {
        #[test]
        fn text_round_trips(s in "[a-z0-9_.-]{0,20}|#[0-9]{1,10}") {
            if let Ok(i) = s.parse::<Interface>() {
                prop_assert_eq!(i.to_string().parse::<Interface>().unwrap(), i);
            }
        }
    }
}
