//! CPython's `AF_UNIX` address forms: [`ToSockAddr`] for the natural Rust forms of an address:
//! `&str`, `String`, `&Path`, `PathBuf`, `&OsStr`, `OsString`, `&[u8]`, `Vec<u8>` and byte
//! string literals (`b"\0name"`), with CPython's rules ([`UnixAddr::from_bytes`]): empty
//! autobinds, a leading NUL is abstract, anything else is a pathname.
//!
//! ```
//! use sock::{FamilyAddr, Socket, Family, Type};
//! let s = Socket::new(Family::UNIX, Type::DGRAM, None)?;
//! s.bind("")?; // autobind
//! let name = sock::unix::UnixAddr::decode(&s.local_addr()?)?;
//! assert_eq!(name.as_abstract_name().map(<[u8]>::len), Some(5));
//! # Ok::<(), std::io::Error>(())
//! ```

use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use sock_core::{SockAddr, Socket, ToSockAddr};

use crate::addr::UnixAddr;

/// The marker of this crate's [`ToSockAddr`] impls for standard types (strings, paths,
/// bytes). It has no values; it only lets inference pick these impls.
///
/// ```
/// use sock::{ToSockAddr, Socket, Family, Type};
/// use sock::unix::UnixAddr;
/// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?;
/// // Each form resolves through `ToSockAddr<UnixForm>`, with CPython's rules.
/// let raw = ToSockAddr::<sock::unix::UnixForm>::to_sock_addr(&b"\0svc"[..], &s)?;
/// assert_eq!(raw, UnixAddr::abstract_name(b"svc")?.into());
/// let raw = "/run/app.sock".to_sock_addr(&s)?;
/// assert_eq!(raw, UnixAddr::pathname("/run/app.sock")?.into());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub enum UnixForm {}

fn encode(bytes: &[u8]) -> io::Result<SockAddr> {
    UnixAddr::from_bytes(bytes).map(SockAddr::from)
}

macro_rules! unix_forms {
    ($($t:ty => |$v:ident| $bytes:expr;)*) => {$(
        impl ToSockAddr<UnixForm> for $t {
            fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
                let $v = self;
                encode($bytes)
            }
        }
    )*};
}

unix_forms! {
    str => |s| s.as_bytes();
    String => |s| s.as_bytes();
    Path => |p| p.as_os_str().as_bytes();
    PathBuf => |p| p.as_os_str().as_bytes();
    OsStr => |s| s.as_bytes();
    OsString => |s| s.as_bytes();
    [u8] => |b| b;
    Vec<u8> => |b| b;
}

impl<const N: usize> ToSockAddr<UnixForm> for [u8; N] {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        encode(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sock_core::{Family, Type};

    fn raw<M>(addr: impl ToSockAddr<M>) -> io::Result<SockAddr> {
        let s = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        addr.to_sock_addr(&s)
    }

    #[test]
    fn every_form() {
        assert_eq!(raw("/tmp/a").unwrap().data(), b"/tmp/a\0");
        assert_eq!(raw(String::from("/tmp/a")).unwrap().data(), b"/tmp/a\0");
        assert_eq!(raw(Path::new("/tmp/a")).unwrap().data(), b"/tmp/a\0");
        assert_eq!(raw(PathBuf::from("/tmp/a")).unwrap().data(), b"/tmp/a\0");
        assert_eq!(raw(OsStr::new("/tmp/a")).unwrap().data(), b"/tmp/a\0");
        assert_eq!(raw(OsString::from("/tmp/a")).unwrap().data(), b"/tmp/a\0");
        assert_eq!(raw(&b"\0abs"[..]).unwrap().data(), b"\0abs");
        assert_eq!(raw(b"\0abs").unwrap().data(), b"\0abs");
        assert_eq!(raw(b"\0abs".to_vec()).unwrap().data(), b"\0abs");
        assert_eq!(raw("").unwrap().len(), 2);
        assert_eq!(raw(UnixAddr::unnamed()).unwrap().len(), 2);
        assert_eq!(raw("a\0b").unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(raw("p".repeat(108)).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }
}
