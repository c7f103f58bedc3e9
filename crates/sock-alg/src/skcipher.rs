//! [`Skcipher`]: symmetric ciphers (`cbc(aes)`, `ctr(aes)`, `xts(aes)`, `ecb(aes)`...) run by
//! the kernel, one-shot, streaming ([`SkcipherStream`]) or fed from a file by `splice(2)`.

use std::fs::File;
use std::io::{self, Write};

use sock_core::consts::{MSG_DONTWAIT, MSG_MORE};
use sock_core::{invalid_input, ProtocolSocket, Socket, SocketKind};

use crate::addr::AlgAddr;
use crate::options::set_key;
use crate::socket::{accept, alg_kind, sendmsg_afalg, transform};
use crate::splice::{file_range, Splicer};
use crate::Op;

/// Bytes sent per step: well under the operation socket's send buffer (about 200 KiB), so the
/// kernel never waits for room while nobody reads, and a multiple of every block size.
pub(crate) const CHUNK: usize = 64 * 1024;

/// A symmetric cipher in the kernel (type `"skcipher"`) with its key set.
///
/// Each call is one request with its own IV. Inputs of any size are sent in 64 KiB steps and
/// the output read after each step, so large buffers never stall on the socket's buffer.
/// Block modes need whole blocks: a length the mode rejects is the kernel's `EINVAL`; so is
/// an IV of the wrong length.
///
/// ```no_run
/// use sock::alg::Skcipher;
/// let key = [0x06, 0xa9, 0x21, 0x40, 0x36, 0xb8, 0xa1, 0x5b, 0x51, 0x2e, 0x03, 0xd5, 0x34, 0x12, 0x00, 0x06];
/// let iv = [0x3d, 0xaf, 0xba, 0x42, 0x9d, 0x9e, 0xb4, 0x30, 0xb4, 0x22, 0xda, 0x80, 0x2c, 0x9f, 0xac, 0x41];
/// let mut aes = Skcipher::new("cbc(aes)", &key)?;
/// let ct = aes.encrypt(&iv, b"Single block msg")?;
/// assert_eq!(ct[0], 0xe3);
/// assert_eq!(aes.decrypt(&iv, &ct)?, b"Single block msg");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Skcipher {
    sock: Socket,
}

impl ProtocolSocket for Skcipher {
    const KIND: SocketKind = alg_kind("AF_ALG skcipher operation");

    /// Wraps an operation socket accepted from a keyed skcipher transform socket (the kernel
    /// cannot be asked which algorithm type it is: that part is not checked).
    fn wrap_checked(sock: Socket) -> io::Result<Self> {
        Ok(Skcipher { sock })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(Skcipher, sock);

impl Skcipher {
    /// The cipher `name` (`("skcipher", name)`) with `key`.
    ///
    /// ```no_run
    /// use sock::alg::Skcipher;
    /// let mut ctr = Skcipher::new("ctr(aes)", &[0; 16])?;
    /// assert_eq!(ctr.encrypt(&[0; 16], &[0; 16])?[..4], [0x66, 0xe9, 0x4b, 0xd4]); // AES(0, 0)
    /// let e = Skcipher::new("cbc(aes)", &[0; 5]).unwrap_err(); // no 40-bit AES
    /// assert_eq!(sock::errno(&e), Some(libc::EINVAL));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(name: &str, key: &[u8]) -> io::Result<Skcipher> {
        Skcipher::bound(&AlgAddr::new("skcipher", name)?, key)
    }

    /// A cipher of any address (for `feat`/`mask`), with `key`: the transform socket is made
    /// and bound to `addr`, keyed, and the operation socket accepted from it.
    ///
    /// ```no_run
    /// use sock::alg::{AlgAddr, Skcipher};
    /// // mask CRYPTO_ALG_ASYNC (0x80), feat 0: only a synchronous implementation
    /// let addr = AlgAddr::with_flags("skcipher", "ctr(aes)", 0, 0x80)?;
    /// let mut ctr = Skcipher::bound(&addr, &[0; 16])?;
    /// assert_eq!(ctr.encrypt(&[0; 16], &[0; 16])?[..4], [0x66, 0xe9, 0x4b, 0xd4]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound(addr: &AlgAddr, key: &[u8]) -> io::Result<Skcipher> {
        let tfm = transform(addr)?;
        set_key(&tfm, key)?;
        Ok(Skcipher { sock: accept(&tfm)? })
    }

    /// Encrypts `data` with `iv`.
    ///
    /// ```no_run
    /// // RFC 3602, case 1
    /// let key = [0x06, 0xa9, 0x21, 0x40, 0x36, 0xb8, 0xa1, 0x5b, 0x51, 0x2e, 0x03, 0xd5, 0x34, 0x12, 0x00, 0x06];
    /// let iv = [0x3d, 0xaf, 0xba, 0x42, 0x9d, 0x9e, 0xb4, 0x30, 0xb4, 0x22, 0xda, 0x80, 0x2c, 0x9f, 0xac, 0x41];
    /// let ct = sock::alg::Skcipher::new("cbc(aes)", &key)?.encrypt(&iv, b"Single block msg")?;
    /// assert_eq!(ct[..4], [0xe3, 0x53, 0x77, 0x9c]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encrypt(&mut self, iv: &[u8], data: &[u8]) -> io::Result<Vec<u8>> {
        self.crypt(Op::ENCRYPT, iv, data)
    }

    /// Decrypts `data` with `iv`.
    ///
    /// ```no_run
    /// let mut aes = sock::alg::Skcipher::new("cbc(aes)", &[0x11; 16])?;
    /// let ct = aes.encrypt(&[7; 16], b"two blocks of plaintext, exactly")?;
    /// assert_eq!(aes.decrypt(&[7; 16], &ct)?, b"two blocks of plaintext, exactly");
    /// assert_eq!(aes.decrypt(&[8; 16], &ct)?.len(), 32); // a wrong IV is not detected
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decrypt(&mut self, iv: &[u8], data: &[u8]) -> io::Result<Vec<u8>> {
        self.crypt(Op::DECRYPT, iv, data)
    }

    /// Runs `op` over `data` and returns the output (as long as the input).
    ///
    /// ```no_run
    /// use sock::alg::{Op, Skcipher};
    /// let mut ctr = Skcipher::new("ctr(aes)", &[0x11; 16])?;
    /// let ct = ctr.crypt(Op::ENCRYPT, &[0; 16], b"CTR: any length")?;
    /// assert_eq!(ct.len(), 15);
    /// assert_eq!(ctr.crypt(Op::DECRYPT, &[0; 16], &ct)?, b"CTR: any length");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn crypt(&mut self, op: Op, iv: &[u8], data: &[u8]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        out.try_reserve_exact(data.len()).map_err(|_| invalid_input("data", "too large"))?;
        let mut stream = self.stream(op, iv);
        stream.update(data, &mut out)?;
        stream.finish(&mut out)?;
        Ok(out)
    }

    /// Starts a streaming request: feed it in pieces of any size with
    /// [`SkcipherStream::update`], end it with [`SkcipherStream::finish`]. The kernel carries
    /// the chaining state (the running IV of CBC, the counter of CTR) from piece to piece, so
    /// the output equals a one-shot call on the whole input. Modes without chaining state
    /// across requests (XTS) must be fed in one request, which this is.
    ///
    /// ```no_run
    /// use sock::alg::{Op, Skcipher};
    /// let mut aes = Skcipher::new("cbc(aes)", &[0x11; 16])?;
    /// let ct = aes.encrypt(&[0; 16], &[1; 64])?;
    /// let mut plain = Vec::new();
    /// let mut s = aes.stream(Op::DECRYPT, &[0; 16]);
    /// s.update(&ct[..40], &mut plain)?; // pieces need not be whole blocks
    /// s.update(&ct[40..], &mut plain)?;
    /// s.finish(&mut plain)?;
    /// assert_eq!(plain, [1; 64]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stream(&mut self, op: Op, iv: &[u8]) -> SkcipherStream<'_> {
        SkcipherStream { op_sock: &self.sock, op, iv: Some(iv.to_vec()), pending: 0, ended: false }
    }

    /// Runs `op` over `count` bytes of `file` from `offset` (to its end when `None`) and
    /// writes the output to `out`; returns the bytes processed. The input moves from the file
    /// into the kernel with `splice(2)` and never passes through user space. The file position
    /// is not used or changed.
    ///
    /// ```no_run
    /// use sock::alg::{Op, Skcipher};
    /// let file = std::fs::File::open("/etc/services")?;
    /// let mut ctr = Skcipher::new("ctr(aes)", &[0x11; 16])?;
    /// let mut sealed = Vec::new();
    /// let n = ctr.crypt_file(Op::ENCRYPT, &[0; 16], &file, 0, None, &mut sealed)?;
    /// assert_eq!((n, sealed.len() as u64), (file.metadata()?.len(), n));
    /// assert_eq!(ctr.decrypt(&[0; 16], &sealed)?, std::fs::read("/etc/services")?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn crypt_file(
        &mut self,
        op: Op,
        iv: &[u8],
        file: &File,
        offset: u64,
        count: Option<u64>,
        out: &mut impl Write,
    ) -> io::Result<u64> {
        let (mut pos, end) = file_range(file, offset, count)?;
        let start = pos;
        let splicer = Splicer::new()?;
        let step = splicer.capacity().min(CHUNK);
        let mut stream = self.stream(op, iv);
        let mut buf = Vec::with_capacity(step + 64);
        while pos < end {
            let want = usize::try_from(end - pos).unwrap_or(usize::MAX).min(step);
            stream.start(MSG_MORE)?;
            let n = splicer.feed(file, &mut pos, want, stream.op_sock, true)?;
            if n == 0 {
                break; // the file shrank
            }
            stream.pending += n;
            buf.clear();
            stream.drain(&mut buf, MSG_DONTWAIT)?;
            out.write_all(&buf)?;
        }
        buf.clear();
        stream.finish(&mut buf)?;
        out.write_all(&buf)?;
        Ok((pos - start) as u64)
    }
}

/// One streaming request of a [`Skcipher`] (see [`Skcipher::stream`]).
///
/// ```no_run
/// # let mut aes = sock::alg::Skcipher::new("ctr(aes)", &[0; 16])?;
/// let mut out = Vec::new();
/// let mut s = aes.stream(sock::alg::Op::ENCRYPT, &[0; 16]);
/// s.update(b"first piece, ", &mut out)?;
/// s.update(b"second piece", &mut out)?;
/// s.finish(&mut out)?;
/// assert_eq!(out.len(), 25);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct SkcipherStream<'a> {
    op_sock: &'a Socket,
    op: Op,
    /// The IV until the request's first message carries it.
    iv: Option<Vec<u8>>,
    /// Bytes sent whose output has not been read yet.
    pending: usize,
    /// Whether the request was ended (by `finish` or by drop).
    ended: bool,
}

impl SkcipherStream<'_> {
    /// Sends the request's control message (op and IV) once, with `flags`.
    fn start(&mut self, flags: i32) -> io::Result<()> {
        if let Some(iv) = self.iv.take() {
            sendmsg_afalg(self.op_sock, &[], self.op, Some(&iv), None, flags)?;
        }
        Ok(())
    }

    /// Feeds `input` and appends to `out` the output the kernel can already give (whole
    /// blocks; the rest comes with later pieces or `finish`).
    ///
    /// ```no_run
    /// # use sock::alg::{Op, Skcipher};
    /// let mut aes = Skcipher::new("cbc(aes)", &[0x11; 16])?;
    /// let data = [3u8; 100 * 16];
    /// let mut out = Vec::new();
    /// let mut s = aes.stream(Op::ENCRYPT, &[0; 16]);
    /// for piece in data.chunks(100) {
    ///     s.update(piece, &mut out)?; // appends the whole blocks the kernel has done
    /// }
    /// s.finish(&mut out)?;
    /// assert_eq!(out, aes.encrypt(&[0; 16], &data)?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn update(&mut self, input: &[u8], out: &mut Vec<u8>) -> io::Result<()> {
        for piece in input.chunks(CHUNK) {
            self.start(MSG_MORE)?;
            self.op_sock.send_all_with_flags(piece, MSG_MORE)?;
            self.pending += piece.len();
            self.drain(out, MSG_DONTWAIT)?;
        }
        Ok(())
    }

    /// Ends the request and appends the remaining output to `out`.
    ///
    /// ```no_run
    /// let mut aes = sock::alg::Skcipher::new("cbc(aes)", &[0x11; 16])?;
    /// let mut out = Vec::new();
    /// let mut s = aes.stream(sock::alg::Op::ENCRYPT, &[0; 16]);
    /// s.update(b"sixteen bytes...", &mut out)?;
    /// s.finish(&mut out)?; // the output not given by `update` yet
    /// assert_eq!(out.len(), 16);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn finish(mut self, out: &mut Vec<u8>) -> io::Result<()> {
        self.end(out)?;
        if self.pending != 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the kernel returned less output than input"));
        }
        Ok(())
    }

    /// Clears `MSG_MORE` (the request is complete) and reads the rest of the output. A
    /// request that never started has nothing to end.
    fn end(&mut self, out: &mut Vec<u8>) -> io::Result<()> {
        if self.ended || self.iv.is_some() {
            return Ok(());
        }
        self.ended = true;
        self.op_sock.send(&[])?;
        self.drain(out, 0)
    }

    /// Reads pending output into `out`; with `MSG_DONTWAIT` only what is ready now (whatever
    /// the socket's mode: a timeout must not turn "not a whole block yet" into a wait).
    fn drain(&mut self, out: &mut Vec<u8>, flags: i32) -> io::Result<()> {
        while self.pending > 0 {
            let at = out.len();
            out.try_reserve(self.pending).map_err(|_| invalid_input("data", "too large"))?;
            out.resize(at + self.pending, 0);
            let got = if flags & MSG_DONTWAIT != 0 {
                recv_ready(self.op_sock, &mut out[at..])
            } else {
                self.op_sock.recv_with_flags(&mut out[at..], flags)
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
            self.pending -= n.min(self.pending);
        }
        Ok(())
    }
}

impl Drop for SkcipherStream<'_> {
    /// A request left unfinished (an error, an early return) is ended here and its output
    /// discarded, so the next request on the socket starts clean.
    fn drop(&mut self) {
        let _ = self.end(&mut Vec::new());
    }
}

/// One non-blocking `recv` whatever the socket's mode (core never waits on `MSG_DONTWAIT`);
/// "nothing ready" is `Ok(0)`.
pub(crate) fn recv_ready(sock: &Socket, buf: &mut [u8]) -> io::Result<usize> {
    match sock.recv_with_flags(buf, MSG_DONTWAIT) {
        Err(e) if e.kind() == io::ErrorKind::WouldBlock => Ok(0),
        other => other,
    }
}
