//! [`Aead`]: authenticated encryption with associated data (`gcm(aes)`, `ccm(aes)`,
//! `rfc4106(gcm(aes))`, `chacha20poly1305`...) run by the kernel.

use std::error::Error;
use std::fmt;
use std::io::{self, IoSlice, IoSliceMut};

use sock_core::consts::{SOL_SOCKET, SO_SNDBUF};
use sock_core::{invalid_input, MsgFlags, Socket, SocketKind};

use crate::addr::AlgAddr;
use crate::options::{set_aead_authsize, set_key};
use crate::socket::{accept, alg_kind, sendmsg_afalg, transform};
use crate::Op;

/// The error inside the `io::Error` (kind `InvalidData`) that [`Aead::decrypt`] returns when
/// the tag does not match (the kernel's `EBADMSG`): the data was altered or the key, IV or
/// associated data are wrong. Test for it with [`is_auth_failure`].
///
/// ```
/// use sock::alg::{is_auth_failure, AuthFailure};
/// let e = std::io::Error::new(std::io::ErrorKind::InvalidData, AuthFailure);
/// assert!(is_auth_failure(&e));
/// assert_eq!(e.to_string(), "authentication failed: the tag does not match the data (EBADMSG)");
/// assert!(e.get_ref().is_some_and(|inner| inner.is::<AuthFailure>()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthFailure;

impl fmt::Display for AuthFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("authentication failed: the tag does not match the data (EBADMSG)")
    }
}

impl Error for AuthFailure {}

/// Whether `err` is an [`AuthFailure`] (or a raw `EBADMSG` from an operation socket).
///
/// ```
/// use std::io::{Error, ErrorKind};
/// use sock::alg::{is_auth_failure, AuthFailure};
/// assert!(is_auth_failure(&Error::new(ErrorKind::InvalidData, AuthFailure)));
/// assert!(is_auth_failure(&Error::from_raw_os_error(libc::EBADMSG)));
/// assert!(!is_auth_failure(&Error::from_raw_os_error(libc::EINVAL)));
/// ```
pub fn is_auth_failure(err: &io::Error) -> bool {
    err.raw_os_error() == Some(libc::EBADMSG) || err.get_ref().is_some_and(|e| e.is::<AuthFailure>())
}

/// An AEAD cipher in the kernel (type `"aead"`) with its key and tag length set.
///
/// [`encrypt`](Aead::encrypt) returns ciphertext ‖ tag; [`decrypt`](Aead::decrypt) takes
/// ciphertext ‖ tag and returns the plaintext, or an [`AuthFailure`] error when the tag does
/// not verify. The associated data is authenticated but not returned (the kernel echoes it in
/// front of the output; it is dropped here).
///
/// A message travels in one request, so it must fit the operation socket's send buffer; it is
/// raised (`SO_SNDBUF`) as far as the system allows (`net.core.wmem_max`, about 200 KiB by
/// default), and a larger message is `InvalidInput` rather than a stalled call.
///
/// ```no_run
/// use sock::alg::Aead;
/// let mut gcm = Aead::new("gcm(aes)", &[0x42; 16], 16)?;
/// let sealed = gcm.encrypt(&[0; 12], b"header", b"secret")?;
/// assert_eq!(sealed.len(), 6 + 16);
/// assert_eq!(gcm.decrypt(&[0; 12], b"header", &sealed)?, b"secret");
/// let mut bad = sealed.clone();
/// bad[0] ^= 1;
/// assert!(sock::alg::is_auth_failure(&gcm.decrypt(&[0; 12], b"header", &bad).unwrap_err()));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Aead {
    sock: Socket,
    tag_len: usize,
}

/// What [`Aead::from_socket`] checks.
const AEAD_KIND: SocketKind = alg_kind("AF_ALG aead operation");

impl Aead {
    /// The AEAD `name` (`("aead", name)`) with `key` and a `tag_len`-byte tag.
    ///
    /// ```no_run
    /// let mut gcm = sock::alg::Aead::new("gcm(aes)", &[0x42; 16], 16)?;
    /// assert_eq!(gcm.encrypt(&[0; 12], b"", b"secret")?.len(), 6 + 16);
    /// let e = sock::alg::Aead::new("gcm(aes999)", &[0x42; 16], 16).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(name: &str, key: &[u8], tag_len: usize) -> io::Result<Aead> {
        Aead::bound(&AlgAddr::new("aead", name)?, key, tag_len)
    }

    /// An AEAD of any address (for `feat`/`mask`), with `key` and `tag_len`: the transform
    /// socket is made and bound to `addr`, keyed, and the operation socket accepted from it.
    ///
    /// ```no_run
    /// use sock::alg::{Aead, AlgAddr};
    /// // mask CRYPTO_ALG_ASYNC (0x80), feat 0: only a synchronous implementation
    /// let addr = AlgAddr::with_flags("aead", "gcm(aes)", 0, 0x80)?;
    /// let mut gcm = Aead::bound(&addr, &[0x42; 16], 12)?;
    /// assert_eq!(gcm.encrypt(&[0; 12], b"", b"secret")?.len(), 6 + 12);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound(addr: &AlgAddr, key: &[u8], tag_len: usize) -> io::Result<Aead> {
        let tfm = transform(addr)?;
        set_key(&tfm, key)?;
        set_aead_authsize(&tfm, tag_len)?;
        Ok(Aead { sock: accept(&tfm)?, tag_len })
    }

    /// Wraps an operation socket accepted from a keyed AEAD transform socket whose tag length
    /// is `tag_len`; `InvalidInput` unless it is an `AF_ALG` `SOCK_SEQPACKET` socket.
    ///
    /// Not [`ProtocolSocket`](sock_core::ProtocolSocket): the tag length is needed and the
    /// kernel cannot be asked for it.
    ///
    /// ```no_run
    /// use sock::alg::{accept, set_aead_authsize, set_key, transform, Aead};
    /// let tfm = transform(("aead", "gcm(aes)"))?;
    /// set_key(&tfm, &[0x42; 16])?;
    /// set_aead_authsize(&tfm, 12)?;
    /// let mut gcm = Aead::from_socket(accept(&tfm)?, 12)?;
    /// assert_eq!(gcm.encrypt(&[0; 12], b"", b"x")?.len(), 1 + 12);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// Any other socket is refused (this one runs without AF_ALG):
    ///
    /// ```
    /// let udp = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// let e = sock::alg::Aead::from_socket(udp, 16).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_socket(sock: Socket, tag_len: usize) -> io::Result<Aead> {
        AEAD_KIND.check(&sock)?;
        Ok(Aead { sock, tag_len })
    }

    /// The operation socket, given back.
    ///
    /// ```no_run
    /// let gcm = sock::alg::Aead::new("gcm(aes)", &[0x42; 16], 16)?;
    /// let op: sock::Socket = gcm.into_inner();
    /// assert_eq!((op.family(), op.ty()), (sock::Family::ALG, sock::Type::SEQPACKET));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn into_inner(self) -> Socket {
        self.sock
    }

    /// The tag length in bytes.
    ///
    /// ```no_run
    /// assert_eq!(sock::alg::Aead::new("ccm(aes)", &[0x42; 16], 8)?.tag_len(), 8);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn tag_len(&self) -> usize {
        self.tag_len
    }

    /// Encrypts `plaintext`, authenticating `assoc` too; returns ciphertext ‖ tag.
    ///
    /// ```no_run
    /// // NIST GCM test case 2: key, IV and plaintext all zero.
    /// let mut gcm = sock::alg::Aead::new("gcm(aes)", &[0; 16], 16)?;
    /// let sealed = gcm.encrypt(&[0; 12], b"", &[0; 16])?;
    /// assert_eq!(sealed[..4], [0x03, 0x88, 0xda, 0xce]); // ciphertext
    /// assert_eq!(sealed[16..20], [0xab, 0x6e, 0x47, 0xd4]); // tag
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encrypt(&mut self, iv: &[u8], assoc: &[u8], plaintext: &[u8]) -> io::Result<Vec<u8>> {
        let out_len =
            plaintext.len().checked_add(self.tag_len).ok_or_else(|| invalid_input("plaintext", "too large"))?;
        self.run(Op::ENCRYPT, iv, assoc, plaintext, out_len)
    }

    /// Verifies and decrypts `sealed` (ciphertext ‖ tag) with `assoc`; returns the plaintext.
    /// A tag that does not verify is an `InvalidData` error holding [`AuthFailure`].
    ///
    /// ```no_run
    /// let mut gcm = sock::alg::Aead::new("gcm(aes)", &[0x42; 16], 16)?;
    /// let sealed = gcm.encrypt(&[1; 12], b"v1", b"payload")?;
    /// assert_eq!(gcm.decrypt(&[1; 12], b"v1", &sealed)?, b"payload");
    /// let e = gcm.decrypt(&[1; 12], b"v2", &sealed).unwrap_err(); // other associated data
    /// assert!(sock::alg::is_auth_failure(&e));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decrypt(&mut self, iv: &[u8], assoc: &[u8], sealed: &[u8]) -> io::Result<Vec<u8>> {
        let out_len =
            sealed.len().checked_sub(self.tag_len).ok_or_else(|| invalid_input("sealed", "shorter than the tag"))?;
        self.run(Op::DECRYPT, iv, assoc, sealed, out_len).map_err(auth_error)
    }

    fn run(&mut self, op: Op, iv: &[u8], assoc: &[u8], input: &[u8], out_len: usize) -> io::Result<Vec<u8>> {
        let total = assoc.len().checked_add(input.len()).ok_or_else(|| invalid_input("data", "too large"))?;
        ensure_room(&self.sock, total)?;
        sendmsg_afalg(
            &self.sock,
            &[IoSlice::new(assoc), IoSlice::new(input)],
            op,
            Some(iv),
            Some(assoc.len()),
            MsgFlags::NONE,
        )?;
        let mut skip = sock_core::zeroed_vec(assoc.len(), "assoc")?;
        let mut out = sock_core::zeroed_vec(out_len, "data")?;
        let msg = self.sock.recv_msg(&mut [IoSliceMut::new(&mut skip), IoSliceMut::new(&mut out)], &mut [], 0)?;
        if msg.bytes != assoc.len() + out_len {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the kernel returned a short AEAD result"));
        }
        Ok(out)
    }
}

/// Makes sure a `total`-byte request fits the send buffer, raising it if needed.
pub(crate) fn ensure_room(sock: &Socket, total: usize) -> io::Result<()> {
    // The kernel takes data while `sk_sndbuf & PAGE_MASK` exceeds what it holds; leave a
    // page of slack.
    let room = |s: &Socket| -> io::Result<usize> {
        let buf = usize::try_from(s.getsockopt_int(SOL_SOCKET, SO_SNDBUF)?).unwrap_or(0);
        Ok((buf & !4095).saturating_sub(4096))
    };
    if total <= room(sock)? {
        return Ok(());
    }
    let want = i32::try_from(total + 8192).unwrap_or(i32::MAX);
    let _ = sock.setsockopt_int(SOL_SOCKET, SO_SNDBUF, want);
    if total <= room(sock)? {
        return Ok(());
    }
    Err(invalid_input("data", "AEAD message larger than the AF_ALG socket's send buffer (net.core.wmem_max)"))
}

/// The kernel's `EBADMSG` as an `InvalidData` error holding [`AuthFailure`]; others as they are.
pub(crate) fn auth_error(e: io::Error) -> io::Error {
    if e.raw_os_error() == Some(libc::EBADMSG) {
        io::Error::new(io::ErrorKind::InvalidData, AuthFailure)
    } else {
        e
    }
}

impl AsRef<Socket> for Aead {
    fn as_ref(&self) -> &Socket {
        &self.sock
    }
}

impl std::os::fd::AsFd for Aead {
    fn as_fd(&self) -> std::os::fd::BorrowedFd<'_> {
        self.sock.as_fd()
    }
}

impl From<Aead> for Socket {
    fn from(aead: Aead) -> Socket {
        aead.sock
    }
}
