//! [`Rng`]: the kernel's random number generators (type `"rng"`: `stdrng`, `drbg_pr_sha256`,
//! `drbg_nopr_ctr_aes256`, `jitterentropy_rng`...).

use std::io;

use sock_core::Socket;

use crate::addr::AlgAddr;
use crate::options::set_key;
use crate::socket::{accept, transform};

/// A kernel RNG. [`seed`](Rng::seed) reseeds it (`ALG_SET_KEY` on the transform socket);
/// [`fill`](Rng::fill) reads as many bytes as asked (the kernel gives at most 128 per call;
/// this loops). It also implements `io::Read`.
///
/// It keeps its transform socket for reseeding besides the operation socket, so it is not a
/// [`ProtocolSocket`](sock_core::ProtocolSocket) (which wraps one socket); `AsRef<Socket>`
/// and [`Rng::into_inner`] give the operation socket.
///
/// ```no_run
/// use sock::alg::Rng;
/// let mut rng = Rng::new("drbg_pr_sha256", Some(&[7u8; 32]))?;
/// let mut buf = [0u8; 300];
/// rng.fill(&mut buf)?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Rng {
    tfm: Socket,
    sock: Socket,
}

impl Rng {
    /// The RNG `name` (`("rng", name)`), seeded with `seed` if given (some RNGs, like the
    /// prediction-resistant DRBGs, seed themselves; others refuse to run unseeded).
    ///
    /// ```no_run
    /// let mut rng = sock::alg::Rng::new("drbg_nopr_hmac_sha256", Some(b"a personalization string"))?;
    /// assert_ne!(rng.bytes(32)?, rng.bytes(32)?);
    /// let e = sock::alg::Rng::new("no_such_rng", None).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::NotFound);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(name: &str, seed: Option<&[u8]>) -> io::Result<Rng> {
        Rng::bound(&AlgAddr::new("rng", name)?, seed)
    }

    /// An RNG of any address (for `feat`/`mask`), seeded with `seed` if given: the transform
    /// socket is made and bound to `addr`, seeded, and the operation socket accepted from it.
    ///
    /// ```no_run
    /// let addr: sock::alg::AlgAddr = "rng:stdrng".parse()?; // the kernel's default RNG
    /// let mut rng = sock::alg::Rng::bound(&addr, Some(&[7; 48]))?;
    /// assert_eq!(rng.bytes(16)?.len(), 16);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound(addr: &AlgAddr, seed: Option<&[u8]>) -> io::Result<Rng> {
        let tfm = transform(addr)?;
        if let Some(seed) = seed {
            set_key(&tfm, seed)?;
        }
        let op = accept(&tfm)?;
        Ok(Rng { tfm, sock: op })
    }

    /// Reseeds the generator (`crypto_rng_reset`). The kernel refuses a new key while an
    /// operation socket is open (`EBUSY`), so this closes the operation socket, reseeds the
    /// transform and accepts a new one.
    ///
    /// ```no_run
    /// let mut rng = sock::alg::Rng::new("drbg_nopr_sha256", Some(&[1; 32]))?;
    /// let before = rng.bytes(32)?;
    /// rng.seed(&[2; 32])?; // a new operation socket, same object
    /// assert_ne!(rng.bytes(32)?, before);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn seed(&mut self, seed: &[u8]) -> io::Result<()> {
        drop(std::mem::replace(&mut self.sock, self.tfm.dup()?));
        set_key(&self.tfm, seed)?;
        self.sock = accept(&self.tfm)?;
        Ok(())
    }

    /// Fills `buf` with random bytes.
    ///
    /// ```no_run
    /// let mut rng = sock::alg::Rng::new("drbg_pr_sha256", Some(&[7; 32]))?;
    /// let mut buf = [0u8; 300]; // more than the kernel's 128 bytes a call
    /// rng.fill(&mut buf)?;
    /// assert!(buf[200..].iter().any(|&b| b != 0));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn fill(&mut self, buf: &mut [u8]) -> io::Result<()> {
        let mut done = 0;
        while done < buf.len() {
            let n = self.sock.recv(&mut buf[done..])?;
            if n == 0 {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the RNG returned no bytes"));
            }
            done += n;
        }
        Ok(())
    }

    /// `n` random bytes (`InvalidInput` if `n` bytes cannot be allocated).
    ///
    /// ```no_run
    /// let mut rng = sock::alg::Rng::new("drbg_nopr_sha256", Some(&[7; 32]))?;
    /// let key = rng.bytes(32)?;
    /// assert_eq!(key.len(), 32);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bytes(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut buf = sock_core::zeroed_vec(n, "n")?;
        self.fill(&mut buf)?;
        Ok(buf)
    }

    /// The operation socket, given back (the transform socket is closed).
    ///
    /// ```no_run
    /// let rng = sock::alg::Rng::new("drbg_nopr_sha256", Some(&[7; 32]))?;
    /// let op: sock::Socket = rng.into_inner();
    /// assert_eq!(op.recv_vec(16)?.len(), 16); // each read is random bytes
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn into_inner(self) -> Socket {
        self.sock
    }
}

impl AsRef<Socket> for Rng {
    fn as_ref(&self) -> &Socket {
        &self.sock
    }
}

impl io::Read for Rng {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.sock.recv(buf)
    }
}
