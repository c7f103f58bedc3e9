//! The async kernel-crypto objects: [`AsyncHash`], [`AsyncSkcipher`] and [`AsyncAead`]
//! (generic over the reactor; the runtime aliases are in [`crate::tokio`] and
//! [`crate::async_io`]).
//!
//! How AF_ALG behaves under a reactor, which shapes these types:
//! - The kernel computes during the `send`/`recv` syscalls (it waits for an asynchronous
//!   crypto driver inside the call): there is no queue that fills while the task sleeps. The
//!   only waits are for room in a cipher socket's send buffer and for a cipher request's
//!   data, which `skcipher`/`aead` sockets report through `poll` — those go through the
//!   reactor.
//! - `hash` operation sockets are not pollable at all (`algif_hash` has no `poll`: a reactor
//!   would never report them ready), and never answer `EAGAIN`. So [`AsyncHash`] runs each
//!   syscall directly: its futures complete on their first poll. A huge `update` keeps the
//!   executor thread for as long as the kernel hashes; feed large inputs in pieces (or run
//!   the sync [`Hash`](struct@Hash) on a blocking thread).

use std::future::poll_fn;
use std::io::{self, IoSlice, IoSliceMut};

use sock_core::aio::{Async, Interest, Reactor};
use sock_core::consts::MSG_MORE;
use sock_core::{invalid_input, ProtocolSocket, Socket};

use crate::addr::AlgAddr;
use crate::aead::{auth_error, ensure_room, Aead};
use crate::hash::{finalize_on, Digest, Hash};
use crate::skcipher::{recv_ready, Skcipher, CHUNK};
use crate::socket::sendmsg_afalg;
use crate::Op;

/// A [`Hash`](struct@Hash) registered with a runtime's reactor `R`: `update`/`finalize` as async
/// functions. Aliases: [`crate::tokio::AsyncHash`], [`crate::async_io::AsyncHash`].
///
/// Hash sockets are not pollable (see the [module docs](self)): every method is one direct
/// syscall and its future completes on the first poll.
///
/// ```no_run
/// # #[cfg(feature = "async-io")]
/// # fn main() -> std::io::Result<()> {
/// async_io::block_on(async {
///     use sock::alg::async_io::AsyncHash;
///     let mut h = AsyncHash::open("sha256")?;
///     let d = h.digest(b"abc").await?;
///     assert_eq!(d.to_string(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
///     Ok::<(), std::io::Error>(())
/// })
/// # }
/// # #[cfg(not(feature = "async-io"))]
/// # fn main() {}
/// ```
pub struct AsyncHash<R: Reactor<Hash>>(Async<Hash, R>);

impl<R: Reactor<Hash>> AsyncHash<R> {
    /// Registers `hash` with the runtime (it becomes non-blocking). Fails outside a runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::alg::{tokio::AsyncHash, Hash};
    /// let mut h = AsyncHash::new(Hash::new("sha1")?)?;
    /// assert_eq!(h.digest(b"abc").await?.to_string(), "a9993e364706816aba3e25717850c26c9cd0d89d");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(hash: Hash) -> io::Result<Self> {
        Ok(AsyncHash(Async::new(hash)?))
    }

    /// [`Hash::new`]`(name)`, registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut h = sock::alg::tokio::AsyncHash::open("sha1")?;
    /// assert_eq!(h.digest(b"").await?.to_string(), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn open(name: &str) -> io::Result<Self> {
        Self::new(Hash::new(name)?)
    }

    /// [`Hash::keyed`]`(name, key)`, registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// // RFC 4231, test case 2
    /// let mut mac = sock::alg::tokio::AsyncHash::keyed("hmac(sha256)", b"Jefe")?;
    /// let tag = mac.digest(b"what do ya want for nothing?").await?;
    /// assert_eq!(tag.to_string(), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn keyed(name: &str, key: &[u8]) -> io::Result<Self> {
        Self::new(Hash::keyed(name, key)?)
    }

    /// [`Hash::bound`]`(addr, key)`, registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::alg::{tokio::AsyncHash, AlgAddr};
    /// // mask CRYPTO_ALG_ASYNC (0x80), feat 0: only a synchronous implementation
    /// let mut h = AsyncHash::bound(&AlgAddr::with_flags("hash", "sha512", 0, 0x80)?, None)?;
    /// assert_eq!(h.digest(b"abc").await?.len(), 64);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound(addr: &AlgAddr, key: Option<&[u8]>) -> io::Result<Self> {
        Self::new(Hash::bound(addr, key)?)
    }

    /// The hash object (its socket is non-blocking now).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{alg::tokio::AsyncHash, Mode, ProtocolSocket};
    /// let h = AsyncHash::open("sha256")?;
    /// assert_eq!(h.get_ref().socket().mode(), Mode::NonBlocking);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &Hash {
        self.0.get_ref()
    }

    /// The registration underneath.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let h = sock::alg::tokio::AsyncHash::open("sha256")?;
    /// assert_eq!(h.inner().socket().family(), sock::Family::ALG);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<Hash, R> {
        &self.0
    }

    /// Deregisters and gives the hash back (still non-blocking; hashing never waits).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut h = sock::alg::tokio::AsyncHash::open("sha1")?;
    /// h.update(b"a").await?;
    /// let mut hash: sock::alg::Hash = h.into_inner()?; // the running state goes along
    /// hash.update(b"bc")?;
    /// assert_eq!(hash.finalize()?.to_string(), "a9993e364706816aba3e25717850c26c9cd0d89d");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<Hash> {
        self.0.into_inner()
    }

    /// Adds `data` to the message ([`Hash::update`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: the future does all its work in its first poll, so a dropped future
    /// either added nothing (never polled) or completed.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut h = sock::alg::tokio::AsyncHash::open("sha1")?;
    /// for piece in [&b"a"[..], b"b", b"c"] {
    ///     h.update(piece).await?;
    /// }
    /// assert_eq!(h.finalize().await?.to_string(), "a9993e364706816aba3e25717850c26c9cd0d89d");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn update(&mut self, data: &[u8]) -> io::Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        self.0.try_io(|h| h.socket().send_all_with_flags(data, MSG_MORE))
    }

    /// Finishes the message and returns its digest ([`Hash::finalize`]); the object then
    /// hashes a new message.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, as [`update`](Self::update).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut h = sock::alg::tokio::AsyncHash::open("sha256")?;
    /// h.update(b"abc").await?;
    /// assert_eq!(h.finalize().await?.as_bytes()[..4], [0xba, 0x78, 0x16, 0xbf]);
    /// let empty = h.finalize().await?; // a new message, empty so far
    /// assert_eq!(empty.to_string(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn finalize(&mut self) -> io::Result<Digest> {
        self.0.try_io(|h| finalize_on(h.socket()))
    }

    /// `update(data)` then `finalize()`. Cancel safe, as [`update`](Self::update).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut h = sock::alg::tokio::AsyncHash::open("sha256")?;
    /// let d = h.digest(b"abc").await?;
    /// assert_eq!(d.to_string(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn digest(&mut self, data: &[u8]) -> io::Result<Digest> {
        self.update(data).await?;
        self.finalize().await
    }

    /// A second hash continuing from this one's state ([`Hash::try_clone`]), registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut h = sock::alg::tokio::AsyncHash::open("sha1")?;
    /// h.update(b"a").await?;
    /// let mut fork = h.try_clone()?;
    /// assert_eq!(h.digest(b"bc").await?, fork.digest(b"bc").await?); // both SHA-1("abc")
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_clone(&self) -> io::Result<Self> {
        Self::new(self.get_ref().try_clone()?)
    }
}

/// Ends a cipher request left half-done by a dropped future and discards its output, so the
/// next request on the socket starts clean.
struct Unfinished<'a> {
    sock: &'a Socket,
    /// Whether the request still needs ending (`MSG_MORE` cleared).
    open: bool,
    /// Whether output may still be queued.
    armed: bool,
    /// The size of a read that takes the whole output (an AEAD result is read in one go).
    need: usize,
}

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if self.open {
            let _ = self.sock.send(&[]);
        }
        let mut scratch = vec![0u8; self.need.clamp(4096, 1 << 20)];
        while let Ok(n) = recv_ready(self.sock, &mut scratch) {
            if n == 0 {
                break;
            }
        }
    }
}

/// A [`Skcipher`] registered with a runtime's reactor `R`: `encrypt`/`decrypt` as async
/// functions. Aliases: [`crate::tokio::AsyncSkcipher`], [`crate::async_io::AsyncSkcipher`].
///
/// Inputs of any size go in 64 KiB steps, the output read after each step (as the sync
/// [`Skcipher`] does); a step waits through the reactor only when the socket has no room or
/// no output yet.
///
/// ```no_run
/// # #[cfg(feature = "async-io")]
/// # fn main() -> std::io::Result<()> {
/// async_io::block_on(async {
///     use sock::alg::async_io::AsyncSkcipher;
///     let mut ctr = AsyncSkcipher::open("ctr(aes)", &[0; 16])?;
///     let ct = ctr.encrypt(&[0; 16], &[0; 16]).await?;
///     assert_eq!(ct[..4], [0x66, 0xe9, 0x4b, 0xd4]); // AES(0, 0)
///     Ok::<(), std::io::Error>(())
/// })
/// # }
/// # #[cfg(not(feature = "async-io"))]
/// # fn main() {}
/// ```
pub struct AsyncSkcipher<R: Reactor<Skcipher>>(Async<Skcipher, R>);

impl<R: Reactor<Skcipher>> AsyncSkcipher<R> {
    /// Registers `cipher` with the runtime (it becomes non-blocking). Fails outside a runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::alg::{tokio::AsyncSkcipher, Skcipher};
    /// let mut aes = AsyncSkcipher::new(Skcipher::new("cbc(aes)", &[0x11; 16])?)?;
    /// let ct = aes.encrypt(&[0; 16], &[1; 32]).await?;
    /// assert_eq!(aes.decrypt(&[0; 16], &ct).await?, [1; 32]);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(cipher: Skcipher) -> io::Result<Self> {
        Ok(AsyncSkcipher(Async::new(cipher)?))
    }

    /// [`Skcipher::new`]`(name, key)`, registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut ctr = sock::alg::tokio::AsyncSkcipher::open("ctr(aes)", &[0; 16])?;
    /// assert_eq!(ctr.encrypt(&[0; 16], &[0; 16]).await?[..4], [0x66, 0xe9, 0x4b, 0xd4]);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn open(name: &str, key: &[u8]) -> io::Result<Self> {
        Self::new(Skcipher::new(name, key)?)
    }

    /// [`Skcipher::bound`]`(addr, key)`, registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::alg::{tokio::AsyncSkcipher, AlgAddr};
    /// // mask CRYPTO_ALG_ASYNC (0x80), feat 0: only a synchronous implementation
    /// let addr = AlgAddr::with_flags("skcipher", "ctr(aes)", 0, 0x80)?;
    /// let mut ctr = AsyncSkcipher::bound(&addr, &[0; 16])?;
    /// assert_eq!(ctr.encrypt(&[0; 16], &[0; 16]).await?[..4], [0x66, 0xe9, 0x4b, 0xd4]);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound(addr: &AlgAddr, key: &[u8]) -> io::Result<Self> {
        Self::new(Skcipher::bound(addr, key)?)
    }

    /// The cipher object (its socket is non-blocking now: prefer the async methods).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{alg::tokio::AsyncSkcipher, Mode, ProtocolSocket};
    /// let aes = AsyncSkcipher::open("cbc(aes)", &[0x11; 16])?;
    /// assert_eq!(aes.get_ref().socket().mode(), Mode::NonBlocking);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &Skcipher {
        self.0.get_ref()
    }

    /// The registration underneath.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let aes = sock::alg::tokio::AsyncSkcipher::open("cbc(aes)", &[0x11; 16])?;
    /// aes.inner().writable().await?; // an empty request queue has room
    /// assert_eq!(aes.inner().socket().family(), sock::Family::ALG);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<Skcipher, R> {
        &self.0
    }

    /// Deregisters and gives the cipher back (still non-blocking).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::ProtocolSocket;
    /// let aes = sock::alg::tokio::AsyncSkcipher::open("cbc(aes)", &[0x11; 16])?;
    /// let mut aes: sock::alg::Skcipher = aes.into_inner()?;
    /// aes.socket().set_blocking(true)?; // for the synchronous calls
    /// assert_eq!(aes.encrypt(&[0; 16], &[1; 16])?.len(), 16);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<Skcipher> {
        self.0.into_inner()
    }

    /// Encrypts `data` with `iv` ([`Skcipher::encrypt`]). Cancel safety as [`crypt`](Self::crypt).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// // RFC 3602, case 1
    /// let key = [0x06, 0xa9, 0x21, 0x40, 0x36, 0xb8, 0xa1, 0x5b, 0x51, 0x2e, 0x03, 0xd5, 0x34, 0x12, 0x00, 0x06];
    /// let iv = [0x3d, 0xaf, 0xba, 0x42, 0x9d, 0x9e, 0xb4, 0x30, 0xb4, 0x22, 0xda, 0x80, 0x2c, 0x9f, 0xac, 0x41];
    /// let mut aes = sock::alg::tokio::AsyncSkcipher::open("cbc(aes)", &key)?;
    /// assert_eq!(aes.encrypt(&iv, b"Single block msg").await?[..4], [0xe3, 0x53, 0x77, 0x9c]);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn encrypt(&mut self, iv: &[u8], data: &[u8]) -> io::Result<Vec<u8>> {
        self.crypt(Op::ENCRYPT, iv, data).await
    }

    /// Decrypts `data` with `iv` ([`Skcipher::decrypt`]). Cancel safety as [`crypt`](Self::crypt).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut aes = sock::alg::tokio::AsyncSkcipher::open("cbc(aes)", &[0x11; 16])?;
    /// let ct = aes.encrypt(&[7; 16], b"two blocks of plaintext, exactly").await?;
    /// assert_eq!(aes.decrypt(&[7; 16], &ct).await?, b"two blocks of plaintext, exactly");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn decrypt(&mut self, iv: &[u8], data: &[u8]) -> io::Result<Vec<u8>> {
        self.crypt(Op::DECRYPT, iv, data).await
    }

    /// Runs `op` over `data` with `iv` and returns the output (as long as the input).
    ///
    /// # Cancel safety
    ///
    /// A dropped future loses its output, and only that: the request it had begun is ended
    /// and its output discarded when the future is dropped, so the next call starts clean.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::alg::{tokio::AsyncSkcipher, Op};
    /// let mut ctr = AsyncSkcipher::open("ctr(aes)", &[0x11; 16])?;
    /// let big = vec![5u8; 1 << 20]; // sent in 64 KiB steps
    /// let ct = ctr.crypt(Op::ENCRYPT, &[0; 16], &big).await?;
    /// assert_eq!(ctr.crypt(Op::DECRYPT, &[0; 16], &ct).await?, big);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn crypt(&mut self, op: Op, iv: &[u8], data: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        out.try_reserve_exact(data.len()).map_err(|_| invalid_input("data", "too large"))?;
        if data.is_empty() {
            return Ok(out);
        }
        let io = &self.0;
        let sock = io.socket();
        let mut guard = Unfinished { sock, open: true, armed: true, need: CHUNK };
        let mut pending = 0usize;
        let mut first = true;
        for piece in data.chunks(CHUNK) {
            let mut at = 0;
            while at < piece.len() {
                let rest = &piece[at..];
                let n = if first {
                    io.async_io(Interest::Write, |_| {
                        sendmsg_afalg(sock, &[IoSlice::new(rest)], op, Some(iv), None, MSG_MORE)
                    })
                    .await?
                } else {
                    io.async_io(Interest::Write, |_| sock.send_with_flags(rest, MSG_MORE)).await?
                };
                if n == 0 {
                    return Err(io::Error::new(io::ErrorKind::WriteZero, "the AF_ALG socket took no bytes"));
                }
                first = false;
                at += n;
                pending += n;
            }
            drain(sock, &mut out, &mut pending, None::<&Async<Skcipher, R>>).await?;
        }
        io.async_io(Interest::Write, |_| sock.send(&[])).await?;
        guard.open = false;
        drain(sock, &mut out, &mut pending, Some(io)).await?;
        guard.armed = false;
        if pending != 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the kernel returned less output than input"));
        }
        Ok(out)
    }
}

/// Reads up to `pending` bytes of output into `out`: what is ready now when `wait` is
/// `None`, everything (waiting through the reactor) otherwise.
async fn drain<R: Reactor<Skcipher>>(
    sock: &Socket,
    out: &mut Vec<u8>,
    pending: &mut usize,
    wait: Option<&Async<Skcipher, R>>,
) -> io::Result<()> {
    while *pending > 0 {
        let at = out.len();
        out.try_reserve(*pending).map_err(|_| invalid_input("data", "too large"))?;
        out.resize(at + *pending, 0);
        let got = match wait {
            None => recv_ready(sock, &mut out[at..]),
            Some(io) => {
                let buf = &mut out[at..];
                io.async_io(Interest::Read, |_| sock.recv(buf)).await
            }
        };
        let n = match got {
            Ok(n) => n,
            Err(e) => {
                out.truncate(at);
                return Err(e);
            }
        };
        out.truncate(at + n);
        if n == 0 {
            break;
        }
        *pending -= n.min(*pending);
    }
    Ok(())
}

/// An [`Aead`] registered with a runtime's reactor `R`: `encrypt`/`decrypt` as async
/// functions. Aliases: [`crate::tokio::AsyncAead`], [`crate::async_io::AsyncAead`].
///
/// It registers the operation [`Socket`] and keeps the tag length beside it ([`Aead`] is not
/// a `ProtocolSocket`: the tag length cannot be read back from the kernel).
///
/// ```no_run
/// # #[cfg(feature = "async-io")]
/// # fn main() -> std::io::Result<()> {
/// async_io::block_on(async {
///     use sock::alg::async_io::AsyncAead;
///     let mut gcm = AsyncAead::open("gcm(aes)", &[0x42; 16], 16)?;
///     let sealed = gcm.encrypt(&[0; 12], b"header", b"secret").await?;
///     assert_eq!(gcm.decrypt(&[0; 12], b"header", &sealed).await?, b"secret");
///     Ok::<(), std::io::Error>(())
/// })
/// # }
/// # #[cfg(not(feature = "async-io"))]
/// # fn main() {}
/// ```
pub struct AsyncAead<R: Reactor<Socket>> {
    io: Async<Socket, R>,
    tag_len: usize,
}

impl<R: Reactor<Socket>> AsyncAead<R> {
    /// Registers `aead`'s operation socket with the runtime (it becomes non-blocking). Fails
    /// outside a runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::alg::{tokio::AsyncAead, Aead};
    /// let mut gcm = AsyncAead::new(Aead::new("gcm(aes)", &[0x42; 16], 12)?)?;
    /// assert_eq!(gcm.tag_len(), 12); // kept from the Aead
    /// assert_eq!(gcm.encrypt(&[0; 12], b"", b"secret").await?.len(), 6 + 12);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(aead: Aead) -> io::Result<Self> {
        let tag_len = aead.tag_len();
        Ok(AsyncAead { io: Async::new(aead.into_inner())?, tag_len })
    }

    /// [`Aead::new`]`(name, key, tag_len)`, registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// // NIST GCM test case 1: the tag of nothing under the zero key and IV
    /// let mut gcm = sock::alg::tokio::AsyncAead::open("gcm(aes)", &[0; 16], 16)?;
    /// assert_eq!(gcm.encrypt(&[0; 12], b"", b"").await?[..4], [0x58, 0xe2, 0xfc, 0xce]);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn open(name: &str, key: &[u8], tag_len: usize) -> io::Result<Self> {
        Self::new(Aead::new(name, key, tag_len)?)
    }

    /// [`Aead::bound`]`(addr, key, tag_len)`, registered.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::alg::{tokio::AsyncAead, AlgAddr};
    /// // mask CRYPTO_ALG_ASYNC (0x80), feat 0: only a synchronous implementation
    /// let addr = AlgAddr::with_flags("aead", "gcm(aes)", 0, 0x80)?;
    /// let mut gcm = AsyncAead::bound(&addr, &[0x42; 16], 16)?;
    /// assert_eq!(gcm.encrypt(&[0; 12], b"", b"secret").await?.len(), 6 + 16);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound(addr: &AlgAddr, key: &[u8], tag_len: usize) -> io::Result<Self> {
        Self::new(Aead::bound(addr, key, tag_len)?)
    }

    /// The operation socket (non-blocking now).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let gcm = sock::alg::tokio::AsyncAead::open("gcm(aes)", &[0x42; 16], 16)?;
    /// assert_eq!(gcm.get_ref().mode(), sock::Mode::NonBlocking);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &Socket {
        self.io.get_ref()
    }

    /// The registration underneath.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let gcm = sock::alg::tokio::AsyncAead::open("gcm(aes)", &[0x42; 16], 16)?;
    /// gcm.inner().writable().await?; // an idle operation socket has room
    /// assert_eq!(gcm.inner().socket().family(), sock::Family::ALG);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<Socket, R> {
        &self.io
    }

    /// Deregisters and gives the [`Aead`] back (its socket still non-blocking).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let gcm = sock::alg::tokio::AsyncAead::open("gcm(aes)", &[0x42; 16], 12)?;
    /// let mut aead: sock::alg::Aead = gcm.into_inner()?;
    /// aead.as_ref().set_blocking(true)?; // for the synchronous calls
    /// assert_eq!((aead.tag_len(), aead.encrypt(&[0; 12], b"", b"x")?.len()), (12, 1 + 12));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<Aead> {
        Aead::from_socket(self.io.into_inner()?, self.tag_len)
    }

    /// The tag length in bytes.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let ccm = sock::alg::tokio::AsyncAead::open("ccm(aes)", &[0x42; 16], 8)?;
    /// assert_eq!(ccm.tag_len(), 8);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn tag_len(&self) -> usize {
        self.tag_len
    }

    /// Encrypts `plaintext`, authenticating `assoc` too; returns ciphertext ‖ tag
    /// ([`Aead::encrypt`]). Cancel safety as [`decrypt`](Self::decrypt).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// // NIST GCM test case 2: key, IV and plaintext all zero
    /// let mut gcm = sock::alg::tokio::AsyncAead::open("gcm(aes)", &[0; 16], 16)?;
    /// let sealed = gcm.encrypt(&[0; 12], b"", &[0; 16]).await?;
    /// assert_eq!(sealed[..4], [0x03, 0x88, 0xda, 0xce]); // ciphertext
    /// assert_eq!(sealed[16..20], [0xab, 0x6e, 0x47, 0xd4]); // tag
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn encrypt(&mut self, iv: &[u8], assoc: &[u8], plaintext: &[u8]) -> io::Result<Vec<u8>> {
        let out_len =
            plaintext.len().checked_add(self.tag_len).ok_or_else(|| invalid_input("plaintext", "too large"))?;
        self.run(Op::ENCRYPT, iv, assoc, plaintext, out_len).await
    }

    /// Verifies and decrypts `sealed` (ciphertext ‖ tag) with `assoc`; a tag that does not
    /// verify is an `InvalidData` error holding [`AuthFailure`](crate::AuthFailure)
    /// ([`Aead::decrypt`]).
    ///
    /// # Cancel safety
    ///
    /// A dropped future loses its result, and only that: a request already sent is read and
    /// discarded when the future is dropped, so the next call starts clean.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let mut gcm = sock::alg::tokio::AsyncAead::open("gcm(aes)", &[0x42; 16], 16)?;
    /// let mut sealed = gcm.encrypt(&[1; 12], b"v1", b"payload").await?;
    /// assert_eq!(gcm.decrypt(&[1; 12], b"v1", &sealed).await?, b"payload");
    /// sealed[0] ^= 1;
    /// assert!(sock::alg::is_auth_failure(&gcm.decrypt(&[1; 12], b"v1", &sealed).await.unwrap_err()));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn decrypt(&mut self, iv: &[u8], assoc: &[u8], sealed: &[u8]) -> io::Result<Vec<u8>> {
        let out_len =
            sealed.len().checked_sub(self.tag_len).ok_or_else(|| invalid_input("sealed", "shorter than the tag"))?;
        self.run(Op::DECRYPT, iv, assoc, sealed, out_len).await.map_err(auth_error)
    }

    async fn run(&mut self, op: Op, iv: &[u8], assoc: &[u8], input: &[u8], out_len: usize) -> io::Result<Vec<u8>> {
        let total = assoc.len().checked_add(input.len()).ok_or_else(|| invalid_input("data", "too large"))?;
        let io = &self.io;
        let sock = io.socket();
        ensure_room(sock, total)?;
        let mut skip = sock_core::zeroed_vec(assoc.len(), "assoc")?;
        let mut out = sock_core::zeroed_vec(out_len, "data")?;
        let msgs = [IoSlice::new(assoc), IoSlice::new(input)];
        let sent =
            io.async_io(Interest::Write, |s| sendmsg_afalg(s, &msgs, op, Some(iv), Some(assoc.len()), 0)).await?;
        let mut guard = Unfinished { sock, open: false, armed: true, need: assoc.len() + out_len };
        if sent != total {
            return Err(io::Error::new(io::ErrorKind::WriteZero, "the AF_ALG socket took part of the AEAD request"));
        }
        let got = poll_fn(|cx| {
            io.poll_io(cx, Interest::Read, |s| {
                s.recv_msg(&mut [IoSliceMut::new(&mut skip), IoSliceMut::new(&mut out)], &mut [], 0)
            })
        })
        .await;
        guard.armed = false;
        if got?.bytes != assoc.len() + out_len {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the kernel returned a short AEAD result"));
        }
        Ok(out)
    }
}

impl<R: Reactor<Hash>> std::fmt::Debug for AsyncHash<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("AsyncHash").field(self.0.get_ref()).finish()
    }
}

impl<R: Reactor<Skcipher>> std::fmt::Debug for AsyncSkcipher<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("AsyncSkcipher").field(self.0.get_ref()).finish()
    }
}

impl<R: Reactor<Socket>> std::fmt::Debug for AsyncAead<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AsyncAead").field("sock", self.io.get_ref()).field("tag_len", &self.tag_len).finish()
    }
}
