#![cfg(feature = "alg")]
//! AF_ALG against the real kernel crypto API: CPython's `LinuxKernelCryptoAPI` vectors,
//! published vectors (NIST, IEEE), the zero-copy file path against `sha256sum`, and bad input.
//! The host kernel has no AF_ALG: these tests skip there and run in the VM.

use std::io::{self, IoSlice, Write};
use std::process::Command;

use sock_alg::{accept, sendmsg_afalg, transform, Aead, AlgAddr, AlgCmsg, Hash, Op, Rng, Skcipher};
use sock_core::cmsg::CmsgWriter;
use sock_core::consts::MSG_MORE;
use sock_core::{Family, ProtocolSocket, Socket, Type};

/// CPython's probe: can an AF_ALG socket be created?
fn have_alg() -> bool {
    sock_tests::require("AF_ALG sockets", Socket::new(Family::ALG, Type::SEQPACKET, None).map(drop))
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

fn to_hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

const SHA256_ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

#[test]
fn sha256_whole_and_in_msg_more_pieces() {
    if !have_alg() {
        return;
    }
    let tfm = transform(("hash", "sha256")).unwrap();
    let op = accept(&tfm).unwrap();
    op.send_all(b"abc").unwrap();
    assert_eq!(to_hex(&op.recv_vec(512).unwrap()), SHA256_ABC);

    let op = accept(&tfm).unwrap();
    op.send_with_flags(b"a", MSG_MORE).unwrap();
    op.send_with_flags(b"b", MSG_MORE).unwrap();
    op.send_with_flags(b"c", MSG_MORE).unwrap();
    op.send(b"").unwrap();
    assert_eq!(to_hex(&op.recv_vec(512).unwrap()), SHA256_ABC);

    let mut h = Hash::new("sha256").unwrap();
    assert_eq!(h.digest(b"abc").unwrap().to_string(), SHA256_ABC);
    for piece in [&b"a"[..], b"b", b"c"] {
        h.update(piece).unwrap();
    }
    assert_eq!(h.finalize().unwrap().to_string(), SHA256_ABC, "the object is reusable after finalize");
    assert_eq!(
        h.finalize().unwrap().to_string(),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "no data: the digest of the empty message"
    );
}

#[test]
fn hash_clone_forks_the_running_state() {
    if !have_alg() {
        return;
    }
    let mut h = Hash::new("sha256").unwrap();
    h.update(b"a").unwrap();
    let mut fork = h.try_clone().unwrap();
    h.update(b"bc").unwrap();
    fork.update(b"bc").unwrap();
    assert_eq!(h.finalize().unwrap().to_string(), SHA256_ABC);
    assert_eq!(fork.finalize().unwrap().to_string(), SHA256_ABC);
    let mut w = Hash::new("sha256").unwrap();
    write!(w, "ab").unwrap();
    let mut w2 = w.try_clone().unwrap();
    w2.write_all(b"c").unwrap();
    assert_eq!(w2.finalize().unwrap().to_string(), SHA256_ABC);
}

#[test]
fn hmac_sha1() {
    if !have_alg() {
        return;
    }
    // gh-109396: a key of at least 112 bits so FIPS kernels accept it.
    let tfm = transform(("hash", "hmac(sha1)")).unwrap();
    sock_alg::set_key(&tfm, b"Python loves AF_ALG").unwrap();
    let op = accept(&tfm).unwrap();
    op.send_all(b"what do ya want for nothing?").unwrap();
    assert_eq!(to_hex(&op.recv_vec(512).unwrap()), "193dbb43c6297b47ea6277ec0ce67119a3f3aa66");
    let mut h = Hash::keyed("hmac(sha1)", b"Python loves AF_ALG").unwrap();
    assert_eq!(
        h.digest(b"what do ya want for nothing?").unwrap().to_string(),
        "193dbb43c6297b47ea6277ec0ce67119a3f3aa66"
    );
}

#[test]
fn sha512_fips_180_vectors() {
    if !have_alg() {
        return;
    }
    // FIPS 180-2, Appendix C.1 and C.2 (one-block and two-block messages).
    let mut h = Hash::new("sha512").unwrap();
    assert_eq!(
        h.digest(b"abc").unwrap().to_string(),
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
         2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
    );
    let two = b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    assert_eq!(
        h.digest(two).unwrap().to_string(),
        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018\
         501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"
    );
}

const CBC_KEY: &str = "06a9214036b8a15b512e03d534120006";
const CBC_IV: &str = "3dafba429d9eb430b422da802c9fac41";
const CBC_MSG: &[u8] = b"Single block msg";
const CBC_CT: &str = "e353779c1079aeb82708942dbe77181a";

#[test]
fn aes_cbc_one_block() {
    if !have_alg() {
        return;
    }
    let (key, iv) = (hex(CBC_KEY), hex(CBC_IV));
    let tfm = transform(("skcipher", "cbc(aes)")).unwrap();
    sock_alg::set_key(&tfm, &key).unwrap();
    let op = accept(&tfm).unwrap();
    sendmsg_afalg(&op, &[], Op::ENCRYPT, Some(&iv), None, MSG_MORE).unwrap();
    op.send_all(CBC_MSG).unwrap();
    assert_eq!(to_hex(&op.recv_vec(16).unwrap()), CBC_CT);
    let op = accept(&tfm).unwrap();
    sendmsg_afalg(&op, &[IoSlice::new(&hex(CBC_CT))], Op::DECRYPT, Some(&iv), None, 0).unwrap();
    assert_eq!(op.recv_vec(16).unwrap(), CBC_MSG);

    let mut aes = Skcipher::new("cbc(aes)", &key).unwrap();
    assert_eq!(to_hex(&aes.encrypt(&iv, CBC_MSG).unwrap()), CBC_CT);
    assert_eq!(aes.decrypt(&iv, &hex(CBC_CT)).unwrap(), CBC_MSG);
}

#[test]
fn aes_cbc_1024_blocks() {
    if !have_alg() {
        return;
    }
    let (key, iv) = (hex(CBC_KEY), hex(CBC_IV));
    let tfm = transform(("skcipher", "cbc(aes)")).unwrap();
    sock_alg::set_key(&tfm, &key).unwrap();
    let op = accept(&tfm).unwrap();
    let msgs = vec![IoSlice::new(CBC_MSG); 1024];
    sendmsg_afalg(&op, &msgs, Op::ENCRYPT, Some(&iv), None, 0).unwrap();
    let enc = op.recv_vec(16 * 1024).unwrap();
    assert_eq!(enc.len(), 16 * 1024);
    assert_eq!(to_hex(&enc[..16]), CBC_CT);
    let op = accept(&tfm).unwrap();
    sendmsg_afalg(&op, &[IoSlice::new(&enc)], Op::DECRYPT, Some(&iv), None, 0).unwrap();
    assert_eq!(op.recv_vec(16 * 1024).unwrap(), CBC_MSG.repeat(1024));

    // The typed API agrees, one-shot and streamed in uneven pieces.
    let mut aes = Skcipher::new("cbc(aes)", &key).unwrap();
    let whole = CBC_MSG.repeat(1024);
    assert_eq!(aes.encrypt(&iv, &whole).unwrap(), enc);
    let mut out = Vec::new();
    let mut s = aes.stream(Op::ENCRYPT, &iv);
    for piece in whole.chunks(1000) {
        s.update(piece, &mut out).unwrap();
    }
    s.finish(&mut out).unwrap();
    assert_eq!(out, enc);
    assert_eq!(aes.decrypt(&iv, &enc).unwrap(), whole);
}

#[test]
fn aes_ctr_sp800_38a() {
    if !have_alg() {
        return;
    }
    // NIST SP 800-38A, F.5.1 CTR-AES128.Encrypt (F.5.2 decrypts the same way).
    let key = hex("2b7e151628aed2a6abf7158809cf4f3c");
    let ctr = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    let pt = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51\
                  30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    let ct = "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff\
              5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee";
    let mut aes = Skcipher::new("ctr(aes)", &key).unwrap();
    assert_eq!(to_hex(&aes.encrypt(&ctr, &pt).unwrap()), ct);
    assert_eq!(aes.decrypt(&ctr, &hex(ct)).unwrap(), pt);
    // A stream cipher: any length, and the counter carries across pieces.
    let mut out = Vec::new();
    let mut s = aes.stream(Op::ENCRYPT, &ctr);
    for piece in pt.chunks(7) {
        s.update(piece, &mut out).unwrap();
    }
    s.finish(&mut out).unwrap();
    assert_eq!(to_hex(&out), ct);
    assert_eq!(to_hex(&aes.encrypt(&ctr, &pt[..21]).unwrap()), ct[..42]);
}

#[test]
fn aes_xts_ieee_1619() {
    if !have_alg() {
        return;
    }
    // IEEE Std 1619-2007, Annex B, vector 2: Key1 = 11.., Key2 = 22.., data unit sequence
    // number 0x3333333333 (the tweak, little-endian), plaintext 32 bytes of 0x44.
    let key = [[0x11u8; 16], [0x22u8; 16]].concat();
    let mut tweak = [0u8; 16];
    tweak[..5].fill(0x33);
    let ct = "c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0";
    let mut aes = Skcipher::new("xts(aes)", &key).unwrap();
    assert_eq!(to_hex(&aes.encrypt(&tweak, &[0x44; 32]).unwrap()), ct);
    assert_eq!(aes.decrypt(&tweak, &hex(ct)).unwrap(), [0x44; 32]);
}

const GCM_KEY: &str = "c939cc13397c1d37de6ae0e1cb7c423c";
const GCM_IV: &str = "b3d8cc017cbb89b39e0f67e2";
const GCM_PLAIN: &str = "c3b3c41f113a31b73d9a5cd432103069";
const GCM_ASSOC: &str = "24825602bd12a984e0092d3e448eda5f";
const GCM_CT: &str = "93fe7d9e9bfd10348a5606e5cafa7354";
const GCM_TAG: &str = "0032a1dc85f1c9786925a2e71d8272dd";

fn gcm_op() -> (Socket, Socket) {
    let tfm = transform(("aead", "gcm(aes)")).unwrap();
    sock_alg::set_key(&tfm, &hex(GCM_KEY)).unwrap();
    sock_alg::set_aead_authsize(&tfm, 16).unwrap();
    let op = accept(&tfm).unwrap();
    (tfm, op)
}

#[test]
fn aes_gcm_three_ways_and_decrypt() {
    if !have_alg() {
        return;
    }
    let (iv, plain, assoc) = (hex(GCM_IV), hex(GCM_PLAIN), hex(GCM_ASSOC));
    let expected = format!("{GCM_ASSOC}{GCM_CT}{GCM_TAG}");
    let out_len = assoc.len() + plain.len() + 16;

    // 1. sendmsg_afalg with MSG_MORE, then the data.
    let (_tfm, op) = gcm_op();
    sendmsg_afalg(&op, &[], Op::ENCRYPT, Some(&iv), Some(16), MSG_MORE).unwrap();
    op.send_all_with_flags(&assoc, MSG_MORE).unwrap();
    op.send_all(&plain).unwrap();
    assert_eq!(to_hex(&op.recv_vec(out_len).unwrap()), expected);

    // 2. One buffer.
    let (_tfm, op) = gcm_op();
    let msg = [&assoc[..], &plain[..]].concat();
    sendmsg_afalg(&op, &[IoSlice::new(&msg)], Op::ENCRYPT, Some(&iv), Some(16), 0).unwrap();
    assert_eq!(to_hex(&op.recv_vec(out_len).unwrap()), expected);

    // 3. Raw sendmsg with typed control messages.
    let (_tfm, op) = gcm_op();
    let mut control = [0u8; 128];
    let mut w = CmsgWriter::new(&mut control);
    AlgCmsg::Op(Op::ENCRYPT).write_to(&mut w).unwrap();
    AlgCmsg::Iv(&iv).write_to(&mut w).unwrap();
    AlgCmsg::AssocLen(16).write_to(&mut w).unwrap();
    let len = w.len();
    op.send_msg(&[IoSlice::new(&msg)], &control[..len], 0, None).unwrap();
    assert_eq!(to_hex(&op.recv_vec(out_len).unwrap()), expected);

    // Decryption: assoc ‖ ct ‖ tag in, assoc ‖ plain out.
    let (_tfm, op) = gcm_op();
    let sealed = hex(&expected);
    sendmsg_afalg(&op, &[IoSlice::new(&sealed)], Op::DECRYPT, Some(&iv), Some(16), 0).unwrap();
    let dec = op.recv_vec(sealed.len() - 16).unwrap();
    assert_eq!(&dec[16..], &plain[..]);

    // The typed API.
    let mut gcm = Aead::new("gcm(aes)", &hex(GCM_KEY), 16).unwrap();
    let sealed = gcm.encrypt(&iv, &assoc, &plain).unwrap();
    assert_eq!(to_hex(&sealed), format!("{GCM_CT}{GCM_TAG}"));
    assert_eq!(gcm.decrypt(&iv, &assoc, &sealed).unwrap(), plain);
    assert_eq!(gcm.tag_len(), 16);
}

#[test]
fn aes_gcm_tampered_tag_fails() {
    if !have_alg() {
        return;
    }
    let (iv, assoc) = (hex(GCM_IV), hex(GCM_ASSOC));
    let mut gcm = Aead::new("gcm(aes)", &hex(GCM_KEY), 16).unwrap();
    for flip in [0, 16, 31] {
        let mut sealed = hex(&format!("{GCM_CT}{GCM_TAG}"));
        sealed[flip] ^= 0x01;
        let err = gcm.decrypt(&iv, &assoc, &sealed).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData, "{err}");
        assert!(sock_alg::is_auth_failure(&err), "{err}");
    }
    let mut other_assoc = assoc.clone();
    other_assoc[0] ^= 1;
    let sealed = hex(&format!("{GCM_CT}{GCM_TAG}"));
    assert!(sock_alg::is_auth_failure(&gcm.decrypt(&iv, &other_assoc, &sealed).unwrap_err()));
    // The raw socket reports EBADMSG.
    let (_tfm, op) = gcm_op();
    let mut bad = hex(&format!("{GCM_ASSOC}{GCM_CT}{GCM_TAG}"));
    bad[40] ^= 0x80;
    sendmsg_afalg(&op, &[IoSlice::new(&bad)], Op::DECRYPT, Some(&iv), Some(16), 0).unwrap();
    assert_eq!(op.recv_vec(bad.len()).unwrap_err().raw_os_error(), Some(libc::EBADMSG));
    // After a failure the object still works.
    assert_eq!(gcm.decrypt(&iv, &assoc, &sealed).unwrap(), hex(GCM_PLAIN));
    // Shorter than the tag: caller error.
    assert_eq!(gcm.decrypt(&iv, &assoc, &[0; 5]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
}

#[test]
fn drbg_returns_the_requested_bytes() {
    if !have_alg() {
        return;
    }
    let mut seed = [0u8; 32];
    std::fs::File::open("/dev/urandom").and_then(|mut f| io::Read::read_exact(&mut f, &mut seed)).unwrap();
    let tfm = transform(("rng", "drbg_pr_sha256")).unwrap();
    sock_alg::set_key(&tfm, &seed).unwrap();
    let op = accept(&tfm).unwrap();
    assert_eq!(op.recv_vec(32).unwrap().len(), 32);

    let mut rng = Rng::new("drbg_pr_sha256", Some(&seed)).unwrap();
    let a = rng.bytes(1000).unwrap();
    let b = rng.bytes(1000).unwrap();
    assert_eq!((a.len(), b.len()), (1000, 1000));
    assert_ne!(a, b);
    assert!(a.iter().any(|&x| x != 0));
    rng.seed(&[1; 32]).unwrap();
    let mut buf = [0u8; 17];
    rng.fill(&mut buf).unwrap();
}

/// Writes a 10 MiB file of a fixed pattern into the temp dir and returns it, reopened.
fn big_file(name: &str) -> (std::path::PathBuf, std::fs::File) {
    let path = std::env::temp_dir().join(format!("sock-alg-{name}-{}", std::process::id()));
    let mut f = std::fs::File::create(&path).unwrap();
    let block: Vec<u8> = (0..1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    for i in 0..10u8 {
        let mut b = block.clone();
        b[0] = i;
        f.write_all(&b).unwrap();
    }
    drop(f);
    let f = std::fs::File::open(&path).unwrap();
    (path, f)
}

#[test]
fn sha256_of_10_mib_file_by_splice_equals_sha256sum() {
    if !have_alg() || !sock_tests::require("sha256sum", sock_tests::have_program("sha256sum")) {
        return;
    }
    let (path, file) = big_file("sha256");
    let mut h = Hash::new("sha256").unwrap();
    assert_eq!(h.update_file(&file, 0, None).unwrap(), 10 << 20);
    let ours = h.finalize().unwrap().to_string();
    let out = Command::new("sha256sum").arg(&path).output().unwrap();
    assert!(out.status.success());
    let theirs = String::from_utf8(out.stdout).unwrap();
    assert_eq!(ours, theirs.split_whitespace().next().unwrap());
    // A range: the same as hashing those bytes from memory.
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(h.update_file(&file, 1000, Some(5000)).unwrap(), 5000);
    let ranged = h.finalize().unwrap();
    assert_eq!(ranged, h.digest(&bytes[1000..6000]).unwrap());
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn file_encryption_by_splice_equals_in_memory() {
    if !have_alg() {
        return;
    }
    let (path, file) = big_file("ctr");
    let bytes = std::fs::read(&path).unwrap();
    let key = hex("2b7e151628aed2a6abf7158809cf4f3c");
    let iv = [0x5a; 16];
    for (name, len) in [("ctr(aes)", 3 * 1024 * 1024 + 5), ("cbc(aes)", 2 * 1024 * 1024)] {
        let mut aes = Skcipher::new(name, &key).unwrap();
        let mut out = Vec::new();
        let n = aes.crypt_file(Op::ENCRYPT, &iv, &file, 16, Some(len as u64), &mut out).unwrap();
        assert_eq!(n, len as u64, "{name}");
        assert_eq!(out, aes.encrypt(&iv, &bytes[16..16 + len]).unwrap(), "{name}");
    }
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn bad_input_length_limits_unknown_algorithm_wrong_key() {
    if !have_alg() {
        return;
    }
    // bpo-35050: the limits are 13 and 63 bytes; below them the kernel says ENOENT.
    let bind = |t: &str, n: &str| transform((t, n)).map(drop);
    assert_eq!(sock_core::errno(&bind(&"t".repeat(13), "name").unwrap_err()), Some(libc::ENOENT));
    let e = bind(&"t".repeat(14), "name").unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("type too long"), "{e}");
    assert_eq!(sock_core::errno(&bind("hash", &"n".repeat(63)).unwrap_err()), Some(libc::ENOENT));
    let e = bind("hash", &"n".repeat(64)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("name too long"), "{e}");
    let e = Hash::new("no-such-hash").unwrap_err();
    assert_eq!((sock_core::errno(&e), e.kind()), (Some(libc::ENOENT), io::ErrorKind::NotFound));
    // Issue 16: the message names the operation and the algorithm and says what is wrong.
    assert!(e.to_string().starts_with("bind hash:no-such-hash: no such algorithm (ENOENT); "), "{e}");
    // A typed address with flags and the 4-tuple form bind the same way.
    let addr: AlgAddr = "hash:sha256:0:0".parse().unwrap();
    transform(&addr).unwrap();
    transform(("hash", "sha256", 0u32, 0u32)).unwrap();
    // Wrong key and IV lengths: the kernel's EINVAL, never a panic.
    let e = Skcipher::new("cbc(aes)", &[0; 5]).unwrap_err();
    assert_eq!((e.kind(), sock_core::errno(&e)), (io::ErrorKind::InvalidInput, Some(libc::EINVAL)));
    // Issue 16: a refused key is named, by its size.
    assert_eq!(e.to_string(), "setsockopt ALG_SET_KEY (5-byte key): invalid key size for the algorithm (EINVAL)");
    assert_eq!(sock_core::errno(&Aead::new("gcm(aes)", &[0; 15], 16).unwrap_err()), Some(libc::EINVAL));
    let e = Aead::new("gcm(aes)", &[0; 16], 3).unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::EINVAL));
    assert!(e.to_string().starts_with("setsockopt ALG_SET_AEAD_AUTHSIZE (tag_len 3): "), "{e}");
    let mut aes = Skcipher::new("cbc(aes)", &[0; 16]).unwrap();
    assert_eq!(aes.encrypt(&[0; 3], &[0; 16]).unwrap_err().raw_os_error(), Some(libc::EINVAL));
    assert_eq!(aes.encrypt(&[0; 16], &[0; 15]).unwrap_err().raw_os_error(), Some(libc::EINVAL));
    // And the object is still usable afterwards? A fresh one is.
    let mut aes = Skcipher::new("cbc(aes)", &hex(CBC_KEY)).unwrap();
    assert_eq!(to_hex(&aes.encrypt(&hex(CBC_IV), CBC_MSG).unwrap()), CBC_CT);
    // Key setting after an accept is refused by the kernel (EBUSY), not a crash.
    let tfm = transform(("hash", "hmac(sha256)")).unwrap();
    sock_alg::set_key(&tfm, b"k").unwrap();
    let _op = accept(&tfm).unwrap();
    let e = sock_alg::set_key(&tfm, b"other").unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::EBUSY), "{e}");
}

#[test]
fn generic_accept_on_alg_socket() {
    if !have_alg() {
        return;
    }
    // AF_ALG has no peer address: accept(2) with an address buffer fails with ECONNABORTED,
    // so Socket::accept passes NULL there (as CPython does) and reports an empty address.
    let tfm = transform(("hash", "sha256")).unwrap();
    let (generic, addr) = tfm.accept().unwrap();
    assert!(addr.is_empty());
    assert_eq!((generic.family(), generic.ty()), (Family::ALG, Type::SEQPACKET));
    let op = accept(&tfm).unwrap();
    assert_eq!(op.family(), Family::ALG);
    assert!(!op.inheritable().unwrap());
}

#[test]
fn streaming_in_timeout_mode_and_abandoned_requests() {
    if !have_alg() {
        return;
    }
    let (key, iv) = (hex(CBC_KEY), hex(CBC_IV));
    let tfm = transform(("skcipher", "cbc(aes)")).unwrap();
    sock_alg::set_key(&tfm, &key).unwrap();
    let op = accept(&tfm).unwrap();
    op.set_timeout(Some(std::time::Duration::from_secs(2))).unwrap();
    let mut aes = Skcipher::from_socket(op).unwrap();
    // Pieces shorter than a block: "not a whole block yet" must not wait for the timeout.
    let started = std::time::Instant::now();
    let whole = CBC_MSG.repeat(4);
    let mut out = Vec::new();
    let mut s = aes.stream(Op::ENCRYPT, &iv);
    for piece in whole.chunks(7) {
        s.update(piece, &mut out).unwrap();
    }
    s.finish(&mut out).unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(1), "{:?}", started.elapsed());
    assert_eq!(out, aes.encrypt(&iv, &whole).unwrap());
    // A request dropped half-way (40 bytes: two blocks out, 8 bytes left) is ended on drop,
    // so the next request starts clean.
    {
        let mut s = aes.stream(Op::ENCRYPT, &iv);
        let mut partial = Vec::new();
        s.update(&[1; 40], &mut partial).unwrap();
        assert_eq!(partial.len(), 32);
    }
    assert_eq!(to_hex(&aes.encrypt(&iv, CBC_MSG).unwrap()), CBC_CT);
    assert_eq!(aes.as_ref().family(), Family::ALG);
}

#[test]
fn typed_sockets_check_their_kind() {
    // Runs without AF_ALG: a socket of another family is refused before any use.
    let udp = || Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    let e = sock_tests::assert_kind(Hash::try_from(udp()), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("AF_ALG hash operation"), "{e}");
    sock_tests::assert_kind(Skcipher::from_socket(udp()), io::ErrorKind::InvalidInput);
    sock_tests::assert_kind(Aead::from_socket(udp(), 16), io::ErrorKind::InvalidInput);
    if !have_alg() {
        return;
    }
    let op = accept(&transform(("hash", "sha256")).unwrap()).unwrap();
    let mut h = Hash::try_from(op).unwrap();
    assert_eq!(h.digest(b"abc").unwrap().len(), 32);
    let bound = Hash::bound(&AlgAddr::new("hash", "sha256").unwrap(), None).unwrap();
    assert_eq!(bound.socket().family(), Family::ALG);
}
