//! Conversions between [`UnixAddr`] and `std::os::unix::net::SocketAddr`.

use std::io;
use std::os::linux::net::SocketAddrExt;
use std::os::unix::net::{SocketAddr as StdUnixAddr, UnixDatagram};

use crate::addr::{UnixAddr, UnixAddrKind};

impl From<&StdUnixAddr> for UnixAddr {
    fn from(addr: &StdUnixAddr) -> UnixAddr {
        if let Some(path) = addr.as_pathname() {
            // std only builds pathnames without NUL and shorter than sun_path.
            return UnixAddr::pathname(path).unwrap_or_default();
        }
        if let Some(name) = addr.as_abstract_name() {
            return UnixAddr::abstract_name(name).unwrap_or_default();
        }
        UnixAddr::unnamed()
    }
}

impl From<StdUnixAddr> for UnixAddr {
    fn from(addr: StdUnixAddr) -> UnixAddr {
        UnixAddr::from(&addr)
    }
}

impl TryFrom<UnixAddr> for StdUnixAddr {
    type Error = io::Error;

    /// The standard library's form of the address. std has no constructor for an unnamed
    /// address, so that one is obtained from an unbound datagram socket (one `socket(2)` and
    /// one `getsockname(2)` call); the others are pure conversions. A 108-byte pathname that
    /// only the kernel can report has no std form (`InvalidInput`).
    fn try_from(addr: UnixAddr) -> io::Result<StdUnixAddr> {
        match addr.kind() {
            UnixAddrKind::Pathname(path) => StdUnixAddr::from_pathname(path),
            UnixAddrKind::Abstract(name) => StdUnixAddr::from_abstract_name(name),
            UnixAddrKind::Unnamed => UnixDatagram::unbound()?.local_addr(),
        }
    }
}

impl TryFrom<&UnixAddr> for StdUnixAddr {
    type Error = io::Error;

    /// See the impl for `UnixAddr`.
    fn try_from(addr: &UnixAddr) -> io::Result<StdUnixAddr> {
        StdUnixAddr::try_from(*addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for addr in [
            UnixAddr::unnamed(),
            UnixAddr::abstract_name(b"std\0\xff").unwrap(),
            UnixAddr::pathname("/tmp/std.sock").unwrap(),
        ] {
            let std_addr = StdUnixAddr::try_from(addr).unwrap();
            assert_eq!(UnixAddr::from(&std_addr), addr);
        }
        assert!(StdUnixAddr::try_from(UnixAddr::unnamed()).unwrap().is_unnamed());
    }
}
