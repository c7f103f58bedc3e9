//! [`UnixAddr`]: an `AF_UNIX` address (pathname, abstract name, or unnamed) and its
//! conversions to and from the raw [`SockAddr`] and the standard library's address type.

use std::cmp::Ordering;
use std::ffi::OsStr;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use sock_core::{invalid_input, Family, FamilyAddr, SockAddr};

use crate::consts::UNIX_PATH_MAX;

/// The `AF_UNIX` family as the `sa_family` field holds it.
const FAMILY: u16 = libc::AF_UNIX as u16;

/// An `AF_UNIX` socket address, stored inline (no allocation, `Copy`).
///
/// Three kinds, as the kernel has them (see [`UnixAddrKind`]):
///
/// - a **pathname**: any non-empty bytes without NUL (not only UTF-8), shorter than
///   [`UNIX_PATH_MAX`]; encoded with its terminating NUL counted in the address length, as
///   CPython does;
/// - an **abstract** name (Linux): `sun_path` starts with NUL and the name is the up to 107
///   bytes that follow, which may hold NULs and any other bytes; the length is exact;
/// - **unnamed**: the family alone. Binding it *autobinds*: the kernel picks a unique abstract
///   name of five hex digits, which [`Socket::local_addr`](sock_core::Socket::local_addr)
///   then reports.
///
/// Text form ([`Display`](fmt::Display) / [`FromStr`](std::str::FromStr), round-trips for every
/// address):
///
/// - unnamed is the empty string, as CPython's `getsockname()` gives `''`;
/// - abstract is `@` followed by the name;
/// - a pathname is the path itself; one starting with `@` is written with `\x40` first.
///
/// In names and paths, `\` is written `\\`, and every byte that is not part of a printable
/// UTF-8 character (invalid UTF-8, control characters such as NUL or newline) is written
/// `\xHH` (two hex digits). Parsing accepts exactly these escapes.
///
/// ```
/// use sock::FamilyAddr;
/// use sock::unix::{UnixAddr, UnixAddrKind};
/// let a: UnixAddr = "@app\\x00one".parse()?;
/// assert_eq!(a.as_abstract_name(), Some(&b"app\0one"[..]));
/// assert_eq!(a.to_string(), "@app\\x00one");
///
/// let p = UnixAddr::pathname("/run/app.sock")?;
/// assert!(matches!(p.kind(), UnixAddrKind::Pathname(path) if path.ends_with("app.sock")));
/// let raw = sock::SockAddr::from(p);
/// assert_eq!(raw.len(), 2 + "/run/app.sock".len() + 1); // the NUL is counted
/// assert_eq!(UnixAddr::decode(&raw)?, p);
/// assert_eq!(p.to_string().parse::<UnixAddr>()?, p);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct UnixAddr {
    /// How many bytes of `path` are the address (0 for unnamed).
    len: u8,
    /// `sun_path` as the kernel holds it: a leading NUL for abstract names, no terminating
    /// NUL for pathnames. Bytes past `len` are zero.
    path: [u8; UNIX_PATH_MAX],
}

/// What a [`UnixAddr`] is, borrowed from it, for `match`.
///
/// ```
/// use sock::unix::{UnixAddr, UnixAddrKind};
/// let a = UnixAddr::abstract_name(b"svc")?;
/// let described = match a.kind() {
///     UnixAddrKind::Pathname(p) => format!("file {}", p.display()),
///     UnixAddrKind::Abstract(name) => format!("abstract {}", String::from_utf8_lossy(name)),
///     UnixAddrKind::Unnamed => "unnamed".to_string(),
/// };
/// assert_eq!(described, "abstract svc");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnixAddrKind<'a> {
    /// A filesystem path (bytes without NUL, not necessarily UTF-8).
    Pathname(&'a Path),
    /// A Linux abstract name, without the leading NUL.
    Abstract(&'a [u8]),
    /// No name: an unbound socket, or the autobind request.
    Unnamed,
}

impl UnixAddr {
    /// The unnamed address. Binding it autobinds to a kernel-chosen abstract name.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use sock::unix::{UnixAddr, UnixSocketExt};
    /// assert_eq!(UnixAddr::unnamed().to_string(), "");
    /// let s = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// s.bind(UnixAddr::unnamed())?; // autobind
    /// assert_eq!(s.local_unix_addr()?.as_abstract_name().map(<[u8]>::len), Some(5));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn unnamed() -> UnixAddr {
        UnixAddr { len: 0, path: [0; UNIX_PATH_MAX] }
    }

    /// A pathname address. Fails with `InvalidInput` (argument `path`) if the path is empty,
    /// holds a NUL byte, or has 108 bytes or more (no room for the terminating NUL).
    ///
    /// ```
    /// let a = sock::unix::UnixAddr::pathname("/tmp/x.sock")?;
    /// assert_eq!(a.as_pathname(), Some(std::path::Path::new("/tmp/x.sock")));
    /// assert_eq!(sock::unix::UnixAddr::pathname("a\0b").unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn pathname(path: impl AsRef<Path>) -> io::Result<UnixAddr> {
        let bytes = path.as_ref().as_os_str().as_bytes();
        if bytes.is_empty() {
            return Err(invalid_input("path", "empty AF_UNIX path (use UnixAddr::unnamed() to autobind)"));
        }
        UnixAddr::checked_pathname(bytes, "path")
    }

    /// A pathname from non-empty `bytes`; errors name `argument`.
    fn checked_pathname(bytes: &[u8], argument: &str) -> io::Result<UnixAddr> {
        if bytes.contains(&0) {
            return Err(invalid_input(argument, "AF_UNIX path must not contain NUL bytes"));
        }
        if bytes.len() >= UNIX_PATH_MAX {
            return Err(invalid_input(argument, "AF_UNIX path too long"));
        }
        Ok(UnixAddr::from_sun_path_unchecked(bytes))
    }

    /// An abstract address whose name (after the leading NUL) is `name`: up to 107 bytes of
    /// anything, NULs included. Longer names are `InvalidInput` (argument `name`).
    ///
    /// ```
    /// let a = sock::unix::UnixAddr::abstract_name(b"svc\xff")?;
    /// assert_eq!(a.to_string(), "@svc\\xff");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn abstract_name(name: impl AsRef<[u8]>) -> io::Result<UnixAddr> {
        UnixAddr::checked_abstract(name.as_ref(), "name")
    }

    /// An abstract address for `name` (without the leading NUL); errors name `argument`.
    fn checked_abstract(name: &[u8], argument: &str) -> io::Result<UnixAddr> {
        if name.len() >= UNIX_PATH_MAX {
            return Err(invalid_input(argument, "AF_UNIX path too long"));
        }
        let mut addr = UnixAddr::unnamed();
        addr.path[1..=name.len()].copy_from_slice(name);
        addr.len = u8::try_from(name.len() + 1).unwrap_or(u8::MAX); // name has at most 107 bytes
        Ok(addr)
    }

    /// An address from `sun_path` bytes with CPython's rules for a `bytes` or `str` address:
    /// empty is unnamed (autobind); a leading NUL makes an abstract address of at most 108
    /// bytes, the NUL included; anything else is a pathname (see [`UnixAddr::pathname`]).
    /// Errors are `InvalidInput` naming `address`.
    ///
    /// ```
    /// use sock::unix::UnixAddr;
    /// assert!(UnixAddr::from_bytes(b"")?.is_unnamed());
    /// assert_eq!(UnixAddr::from_bytes(b"\0x")?.as_abstract_name(), Some(&b"x"[..]));
    /// assert!(UnixAddr::from_bytes(b"/tmp/s")?.as_pathname().is_some());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> io::Result<UnixAddr> {
        match bytes.first() {
            None => Ok(UnixAddr::unnamed()),
            Some(0) => UnixAddr::checked_abstract(&bytes[1..], "address"),
            Some(_) => UnixAddr::checked_pathname(bytes, "address"),
        }
    }

    /// A pathname as the kernel may report it: like [`UnixAddr::pathname`] but up to 108
    /// bytes (a path that fills `sun_path`, with no room for a terminating NUL, which Linux
    /// accepts and reports). Errors name `argument`.
    pub(crate) fn kernel_pathname(bytes: &[u8], argument: &str) -> io::Result<UnixAddr> {
        if bytes.is_empty() {
            return Err(invalid_input(argument, "empty AF_UNIX path"));
        }
        if bytes.contains(&0) {
            return Err(invalid_input(argument, "AF_UNIX path must not contain NUL bytes"));
        }
        if bytes.len() > UNIX_PATH_MAX {
            return Err(invalid_input(argument, "AF_UNIX path too long (more than 108 bytes)"));
        }
        Ok(UnixAddr::from_sun_path_unchecked(bytes))
    }

    /// An address holding `bytes` as `sun_path`; the caller checked the kind rules and that
    /// `bytes` has at most 108 bytes (more would be cut to 108, never a panic).
    fn from_sun_path_unchecked(bytes: &[u8]) -> UnixAddr {
        let bytes = &bytes[..bytes.len().min(UNIX_PATH_MAX)];
        let mut addr = UnixAddr::unnamed();
        addr.path[..bytes.len()].copy_from_slice(bytes);
        addr.len = u8::try_from(bytes.len()).unwrap_or(u8::MAX); // at most 108
        addr
    }

    /// What this address is, for `match`.
    ///
    /// ```
    /// use sock::unix::{UnixAddr, UnixAddrKind};
    /// assert_eq!(UnixAddr::unnamed().kind(), UnixAddrKind::Unnamed);
    /// assert_eq!(UnixAddr::from_bytes(b"\0x")?.kind(), UnixAddrKind::Abstract(b"x"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn kind(&self) -> UnixAddrKind<'_> {
        match self.sun_path().first() {
            None => UnixAddrKind::Unnamed,
            Some(0) => UnixAddrKind::Abstract(&self.sun_path()[1..]),
            Some(_) => UnixAddrKind::Pathname(Path::new(OsStr::from_bytes(self.sun_path()))),
        }
    }

    /// The path, if this is a pathname address.
    ///
    /// ```
    /// use sock::unix::UnixAddr;
    /// let a: UnixAddr = "/run/app.sock".parse()?;
    /// assert_eq!(a.as_pathname(), Some(std::path::Path::new("/run/app.sock")));
    /// assert_eq!(UnixAddr::abstract_name(b"app")?.as_pathname(), None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_pathname(&self) -> Option<&Path> {
        match self.kind() {
            UnixAddrKind::Pathname(p) => Some(p),
            _ => None,
        }
    }

    /// The abstract name (without the leading NUL), if this is an abstract address.
    ///
    /// ```
    /// use sock::unix::UnixAddr;
    /// assert_eq!("@app".parse::<UnixAddr>()?.as_abstract_name(), Some(&b"app"[..]));
    /// assert_eq!(UnixAddr::pathname("/tmp/app")?.as_abstract_name(), None);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_abstract_name(&self) -> Option<&[u8]> {
        match self.kind() {
            UnixAddrKind::Abstract(name) => Some(name),
            _ => None,
        }
    }

    /// Whether this is the unnamed address.
    ///
    /// ```
    /// use sock::unix::UnixAddr;
    /// assert!("".parse::<UnixAddr>()?.is_unnamed());
    /// assert!(!UnixAddr::abstract_name(b"")?.is_unnamed()); // an empty abstract name is a name
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_unnamed(&self) -> bool {
        self.len == 0
    }

    /// The significant bytes of `sun_path`: a leading NUL for an abstract name, no
    /// terminating NUL for a pathname, empty when unnamed. This is CPython's `bytes` form.
    ///
    /// ```
    /// use sock::unix::UnixAddr;
    /// assert_eq!(UnixAddr::abstract_name(b"app")?.sun_path(), b"\0app");
    /// assert_eq!(UnixAddr::pathname("/tmp/s")?.sun_path(), b"/tmp/s");
    /// assert_eq!(UnixAddr::unnamed().sun_path(), b"");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn sun_path(&self) -> &[u8] {
        &self.path[..usize::from(self.len)]
    }
}

impl Default for UnixAddr {
    /// The unnamed address.
    fn default() -> Self {
        UnixAddr::unnamed()
    }
}

impl PartialEq for UnixAddr {
    fn eq(&self, other: &Self) -> bool {
        self.sun_path() == other.sun_path()
    }
}

impl Eq for UnixAddr {}

impl Hash for UnixAddr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.sun_path().hash(state);
    }
}

impl PartialOrd for UnixAddr {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for UnixAddr {
    /// Orders by the `sun_path` bytes: unnamed first, then abstract names, then pathnames.
    fn cmp(&self, other: &Self) -> Ordering {
        self.sun_path().cmp(other.sun_path())
    }
}

impl fmt::Debug for UnixAddr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UnixAddr({:?})", self.to_string())
    }
}

impl FamilyAddr for UnixAddr {
    const FAMILY: Family = Family::UNIX;
    const TEXT_FORM: &'static str = "/run/app.sock, @abstract-name, or the empty string (unnamed)";

    /// Decodes a raw address as the kernel reports it (`getsockname`, `recvfrom`, `accept`).
    ///
    /// An empty address (length 0, what `recvfrom` reports for an unbound `AF_UNIX` sender)
    /// is unnamed; otherwise the family must be `AF_UNIX`. A pathname is read up to its first
    /// NUL, so a 108-byte path fills `sun_path` and is reported with address length 110, or
    /// 111 by kernels that count the NUL they write past `sun_path`: both decode. Another
    /// family, or a name longer than `sun_path`, is `InvalidInput`. Never panics, whatever
    /// the bytes.
    fn decode(addr: &SockAddr) -> io::Result<UnixAddr> {
        if addr.is_empty() {
            return Ok(UnixAddr::unnamed());
        }
        let data = Self::expect_family(addr)?;
        let name = match data.first() {
            None | Some(0) => data,
            Some(_) => &data[..data.iter().position(|&b| b == 0).unwrap_or(data.len())],
        };
        if name.len() > UNIX_PATH_MAX {
            return Err(invalid_input("address", "longer than sun_path (108 bytes)"));
        }
        Ok(UnixAddr::from_sun_path_unchecked(name))
    }

    /// Never fails: see `From<UnixAddr> for SockAddr`.
    fn encode(&self) -> io::Result<SockAddr> {
        Ok(SockAddr::from(*self))
    }
}

sock_core::family_addr!(UnixAddr);

impl From<UnixAddr> for SockAddr {
    /// The raw address: family only when unnamed, the exact bytes for an abstract name, and
    /// the path plus its terminating NUL for a pathname (a 108-byte path that the kernel
    /// reported goes back without one, as the kernel accepts).
    fn from(addr: UnixAddr) -> SockAddr {
        let mut data = [0u8; UNIX_PATH_MAX];
        let path = addr.sun_path();
        data[..path.len()].copy_from_slice(path);
        let with_nul = matches!(path.first(), Some(b) if *b != 0) && path.len() < UNIX_PATH_MAX;
        let len = path.len() + usize::from(with_nul);
        // At most 2 + 108 bytes: always fits sockaddr_storage, so the fallback is never taken.
        SockAddr::new(FAMILY, &data[..len]).unwrap_or_else(|_| SockAddr::empty())
    }
}

impl From<&UnixAddr> for SockAddr {
    fn from(addr: &UnixAddr) -> SockAddr {
        SockAddr::from(*addr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn limits() {
        assert_eq!(UnixAddr::pathname("a".repeat(107)).unwrap().sun_path().len(), 107);
        assert_eq!(UnixAddr::pathname("a".repeat(108)).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(UnixAddr::abstract_name([b'h'; 107]).unwrap().sun_path().len(), 108);
        assert_eq!(UnixAddr::abstract_name([b'h'; 108]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let mut long = vec![0u8];
        long.extend([b'h'; 107]);
        assert_eq!(UnixAddr::from_bytes(&long).unwrap().sun_path(), &long[..]);
        long.push(b'h');
        let err = UnixAddr::from_bytes(&long).unwrap_err();
        assert_eq!(
            (err.kind(), err.to_string()),
            (io::ErrorKind::InvalidInput, "address: AF_UNIX path too long".into())
        );
        assert!(UnixAddr::from_bytes(b"a\0b").unwrap_err().to_string().starts_with("address:"));
        assert_eq!(UnixAddr::pathname("").unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn encodings() {
        assert_eq!(SockAddr::from(UnixAddr::unnamed()).len(), 2);
        assert_eq!(SockAddr::from(UnixAddr::abstract_name(b"ab").unwrap()).data(), b"\0ab");
        assert_eq!(SockAddr::from(UnixAddr::pathname("/x").unwrap()).data(), b"/x\0");
        let raw = SockAddr::new(FAMILY, b"/tmp/s\0garbage").unwrap();
        assert_eq!(UnixAddr::decode(&raw).unwrap().as_pathname(), Some(Path::new("/tmp/s")));
        assert!(UnixAddr::decode(&SockAddr::empty()).unwrap().is_unnamed());
        let inet = SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
        assert_eq!(UnixAddr::decode(&inet).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let full = SockAddr::new(FAMILY, &[b'p'; UNIX_PATH_MAX]).unwrap();
        let decoded = UnixAddr::decode(&full).unwrap();
        assert_eq!(decoded.sun_path().len(), UNIX_PATH_MAX);
        assert_eq!(SockAddr::from(decoded), full);
        let e = UnixAddr::decode(&SockAddr::new(FAMILY, &[b'p'; 109]).unwrap()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        let e = UnixAddr::decode(&SockAddr::new(FAMILY, &[0; 109]).unwrap()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    }

    /// Issue 13: the kernel reports a 108-byte path with address length 111 (the NUL it
    /// writes past `sun_path` counted); `try_from` rejected it.
    #[test]
    fn full_sun_path_with_kernel_nul_decodes() {
        let mut data = vec![b'p'; UNIX_PATH_MAX];
        data.push(0);
        let raw = SockAddr::new(FAMILY, &data).unwrap();
        assert_eq!(raw.len(), 111);
        let addr = UnixAddr::try_from(&raw).unwrap();
        assert_eq!(addr.sun_path(), &data[..UNIX_PATH_MAX]);
        assert_eq!(addr.to_string().parse::<UnixAddr>().unwrap(), addr);
        assert_eq!(SockAddr::from(addr).len(), 110);
    }

    #[test]
    fn ordering_and_equality_ignore_storage() {
        let a = UnixAddr::pathname("/a").unwrap();
        let b = UnixAddr::from_bytes(b"/a").unwrap();
        assert_eq!(a, b);
        assert!(UnixAddr::unnamed() < UnixAddr::abstract_name(b"z").unwrap());
        assert!(UnixAddr::abstract_name(b"z").unwrap() < a);
    }

    fn any_addr() -> impl Strategy<Value = UnixAddr> {
        prop_oneof![
            Just(UnixAddr::unnamed()),
            proptest::collection::vec(any::<u8>(), 0..UNIX_PATH_MAX).prop_map(|n| UnixAddr::abstract_name(n).unwrap()),
            proptest::collection::vec(1u8..=255, 1..UNIX_PATH_MAX)
                .prop_map(|p| UnixAddr::pathname(OsStr::from_bytes(&p)).unwrap()),
        ]
    }

    proptest! {
        #[test]
        fn any_bytes_decode(family in prop_oneof![Just(FAMILY), any::<u16>()],
                            data in proptest::collection::vec(any::<u8>(), 0..126)) {
            let raw = SockAddr::new(family, &data).unwrap();
            if let Ok(addr) = UnixAddr::decode(&raw) {
                let _ = addr.to_string();
                let again = UnixAddr::decode(&SockAddr::from(addr)).unwrap();
                prop_assert_eq!(again, addr);
            }
            let _ = UnixAddr::from_bytes(&data);
        }

        #[test]
        fn raw_round_trip(addr in any_addr()) {
            prop_assert_eq!(UnixAddr::decode(&SockAddr::from(addr)).unwrap(), addr);
            prop_assert_eq!(UnixAddr::from_bytes(addr.sun_path()).unwrap(), addr);
        }

        /// Whatever pathname the kernel reports (up to 108 bytes, with or without the NUL
        /// past `sun_path`) decodes, prints, parses back and encodes to what it was.
        #[test]
        fn kernel_pathnames_round_trip(path in proptest::collection::vec(1u8..=255, 1..=UNIX_PATH_MAX), nul in any::<bool>()) {
            let mut data = path.clone();
            if nul {
                data.push(0);
            }
            let addr = UnixAddr::try_from(SockAddr::new(FAMILY, &data).unwrap()).unwrap();
            prop_assert_eq!(addr.sun_path(), &path[..]);
            prop_assert_eq!(addr.to_string().parse::<UnixAddr>().unwrap(), addr);
            prop_assert_eq!(UnixAddr::decode(&SockAddr::from(addr)).unwrap(), addr);
        }

        #[test]
        fn text_round_trip(addr in any_addr()) {
            let text = addr.to_string();
            prop_assert_eq!(text.parse::<UnixAddr>().unwrap(), addr, "{}", text);
        }

        #[test]
        fn any_text_parses_without_panic(text in ".{0,130}") {
            let _ = text.parse::<UnixAddr>();
        }
    }
}
