//! [`Hash`](struct@Hash): message digests and keyed hashes (HMAC) computed by the kernel, and [`Digest`],
//! their result.

use std::fmt;
use std::fs::File;
use std::io;

use sock_core::consts::MSG_MORE;
use sock_core::{ProtocolSocket, Socket, SocketKind};

use crate::addr::AlgAddr;
use crate::options::set_key;
use crate::socket::{accept, alg_kind, transform};
use crate::splice::{file_range, Splicer};

/// The largest digest the kernel produces (`HASH_MAX_DIGESTSIZE`, SHA-512's 64 bytes).
pub const MAX_DIGEST: usize = 64;

/// A running hash in the kernel (type `"hash"`): `sha256`, `sha512`, `hmac(sha256)`, `crc32c`...
///
/// Feed it with [`update`](Hash::update) (or `io::Write`, or
/// [`update_file`](Hash::update_file), which moves file pages with `splice(2)` and never
/// copies them through user space), then [`finalize`](Hash::finalize). After `finalize` the
/// same object hashes a new message. [`try_clone`](Hash::try_clone) forks the running state
/// (an `accept` on the operation socket), so a common prefix is hashed once.
///
/// It owns one operation socket (a [`ProtocolSocket`]); the transform socket is closed once
/// the operation socket exists (the kernel keeps the algorithm and key alive). Constructors:
/// [`Hash::new`]`(name)`, [`Hash::keyed`]`(name, key)`, [`Hash::bound`]`(&addr, key)`.
///
/// ```no_run
/// use sock::alg::Hash;
/// let mut h = Hash::new("sha256")?;
/// h.update(b"a")?;
/// let mut fork = h.try_clone()?;
/// h.update(b"bc")?;
/// assert_eq!(h.finalize()?.to_string(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// fork.update(b"bc")?;
/// assert_eq!(fork.finalize()?.as_bytes()[0], 0xba);
/// let mac = Hash::keyed("hmac(sha1)", b"Python loves AF_ALG")?.digest(b"what do ya want for nothing?")?;
/// assert_eq!(mac.to_string(), "193dbb43c6297b47ea6277ec0ce67119a3f3aa66");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Hash {
    sock: Socket,
}

impl ProtocolSocket for Hash {
    const KIND: SocketKind = alg_kind("AF_ALG hash operation");

    /// Wraps an operation socket accepted from a hash transform socket (the kernel cannot
    /// be asked which algorithm type it is: that part is not checked).
    fn wrap_checked(sock: Socket) -> io::Result<Self> {
        Ok(Hash { sock })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(Hash, sock);

impl Hash {
    /// A hash of the algorithm `name` (`("hash", name)`). An unknown name is
    /// `bind hash:sha999: no such algorithm (ENOENT)` (kind `NotFound`).
    ///
    /// ```no_run
    /// let mut sha1 = sock::alg::Hash::new("sha1")?;
    /// assert_eq!(sha1.digest(b"abc")?.to_string(), "a9993e364706816aba3e25717850c26c9cd0d89d");
    /// let e = sock::alg::Hash::new("sha999").unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(name: &str) -> io::Result<Hash> {
        Hash::bound(&AlgAddr::new("hash", name)?, None)
    }

    /// A keyed hash (`hmac(sha256)`, `cmac(aes)`...) with `key` (`ALG_SET_KEY`).
    ///
    /// ```no_run
    /// // RFC 4231, test case 2
    /// let mut mac = sock::alg::Hash::keyed("hmac(sha256)", b"Jefe")?;
    /// let tag = mac.digest(b"what do ya want for nothing?")?;
    /// assert_eq!(tag.to_string(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn keyed(name: &str, key: &[u8]) -> io::Result<Hash> {
        Hash::bound(&AlgAddr::new("hash", name)?, Some(key))
    }

    /// A hash of any address (for `feat`/`mask`), with an optional key: the transform
    /// socket is made and bound to `addr`, keyed, and the operation socket accepted from it.
    ///
    /// ```no_run
    /// let addr: sock::alg::AlgAddr = "hash:hmac(sha256):0:0".parse()?;
    /// let mac = sock::alg::Hash::bound(&addr, Some(b"key"))?.digest(b"data")?;
    /// assert_eq!(mac.as_bytes().len(), 32);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound(addr: &AlgAddr, key: Option<&[u8]>) -> io::Result<Hash> {
        let tfm = transform(addr)?;
        if let Some(key) = key {
            set_key(&tfm, key)?;
        }
        Ok(Hash { sock: accept(&tfm)? })
    }

    /// Adds `data` to the message (`send` with `MSG_MORE`).
    ///
    /// ```no_run
    /// let mut h = sock::alg::Hash::new("sha256")?;
    /// for piece in [&b"a"[..], b"", b"bc"] {
    ///     h.update(piece)?;
    /// }
    /// assert_eq!(h.finalize()?.to_string(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn update(&mut self, data: &[u8]) -> io::Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        self.sock.send_all_with_flags(data, MSG_MORE)
    }

    /// Adds `count` bytes of `file` from `offset` (to its end when `None`) without copying
    /// them through user space: `splice(2)` moves the pages through a pipe into the operation
    /// socket. Returns how many bytes were added. The file position is not used or changed.
    ///
    /// ```no_run
    /// let file = std::fs::File::open("/etc/hostname")?;
    /// let mut h = sock::alg::Hash::new("sha256")?;
    /// h.update_file(&file, 0, None)?;
    /// println!("{}", h.finalize()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn update_file(&mut self, file: &File, offset: u64, count: Option<u64>) -> io::Result<u64> {
        let (mut pos, end) = file_range(file, offset, count)?;
        let splicer = Splicer::new()?;
        let start = pos;
        while pos < end {
            let want = usize::try_from(end - pos).unwrap_or(usize::MAX);
            if splicer.feed(file, &mut pos, want, &self.sock, true)? == 0 {
                break; // the file shrank
            }
        }
        Ok((pos - start) as u64)
    }

    /// Finishes the message and returns its digest; the object is then ready for a new
    /// message. A hash that was given no data returns the digest of the empty message.
    ///
    /// ```no_run
    /// let mut h = sock::alg::Hash::new("sha256")?;
    /// let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    /// assert_eq!(h.finalize()?.to_string(), empty); // no data: the empty message
    /// h.update(b"abc")?;
    /// assert_ne!(h.finalize()?.to_string(), empty);
    /// assert_eq!(h.finalize()?.to_string(), empty); // a new message began
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn finalize(&mut self) -> io::Result<Digest> {
        finalize_on(&self.sock)
    }

    /// `update(data)` then `finalize()`.
    ///
    /// ```no_run
    /// let mut sha1 = sock::alg::Hash::new("sha1")?;
    /// assert_eq!(sha1.digest(b"")?.to_string(), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    /// assert_eq!(sha1.digest(b"abc")?.to_string(), "a9993e364706816aba3e25717850c26c9cd0d89d");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn digest(&mut self, data: &[u8]) -> io::Result<Digest> {
        self.update(data)?;
        self.finalize()
    }

    /// A second hash that continues from this one's current state (the kernel exports and
    /// imports the state on `accept` of the operation socket).
    ///
    /// ```no_run
    /// use sock::alg::Hash;
    /// let mut prefix = Hash::new("sha256")?;
    /// prefix.update(b"a long common prefix, hashed once; ")?;
    /// let mut other = prefix.try_clone()?;
    /// let (a, b) = (prefix.digest(b"one")?, other.digest(b"two")?);
    /// assert_eq!(a, Hash::new("sha256")?.digest(b"a long common prefix, hashed once; one")?);
    /// assert_eq!(b, Hash::new("sha256")?.digest(b"a long common prefix, hashed once; two")?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn try_clone(&self) -> io::Result<Hash> {
        Ok(Hash { sock: accept(&self.sock)? })
    }
}

/// Reads the digest of the message sent on `sock` (shared by the sync and async hashes).
pub(crate) fn finalize_on(sock: &Socket) -> io::Result<Digest> {
    let mut digest = Digest { bytes: [0; MAX_DIGEST], len: 0 };
    let n = sock.recv(&mut digest.bytes)?;
    digest.len = n.min(MAX_DIGEST) as u8;
    Ok(digest)
}

impl io::Write for Hash {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.update(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A digest of up to [`MAX_DIGEST`] bytes, held inline (no allocation). `Display` and
/// `LowerHex` print it as lowercase hexadecimal, like `sha256sum`.
///
/// Only the kernel makes one (this needs AF_ALG):
///
/// ```no_run
/// let d = sock::alg::Hash::new("sha256")?.digest(b"abc")?;
/// assert_eq!(format!("{d}"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// assert_eq!(format!("{d:x}"), d.to_string());
/// assert_eq!(format!("{d:?}"), format!("Digest({d})"));
/// assert_eq!((d.len(), d[0]), (32, 0xba)); // Deref<Target = [u8]>
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digest {
    bytes: [u8; MAX_DIGEST],
    len: u8,
}

impl Digest {
    /// The digest bytes.
    ///
    /// ```no_run
    /// let d = sock::alg::Hash::new("sha1")?.digest(b"abc")?;
    /// assert_eq!(d.as_bytes()[..4], [0xa9, 0x99, 0x3e, 0x36]);
    /// assert_eq!(d.as_bytes().len(), 20);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

impl std::ops::Deref for Digest {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for Digest {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl fmt::LowerHex for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_bytes().iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::LowerHex::fmt(self, f)
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({self:x})")
    }
}
