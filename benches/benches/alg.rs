//! Kernel hashing through AF_ALG (`sock::alg::Hash`) against the pure-Rust `sha2` crate:
//! SHA-256 throughput from 64 bytes to 16 MiB.
//!
//! 1. `sock-alg/buffer`: `Hash::digest(&data)`, one `send` + one `recv` per message (the data
//!    is copied into the kernel);
//! 2. `sock-alg/splice`: `Hash::update_file` + `finalize` on a file of that size (pages move
//!    into the kernel with `splice(2)`, no copy through user space);
//! 3. `sha2`: `Sha256::digest(&data)` in user space.
//!
//! Small messages measure the syscall overhead; large ones the kernel's implementation (with
//! SHA-NI/AVX2 where the CPU has them) against `sha2`'s. Where AF_ALG is missing (the build
//! host's kernel, containers) the `sock-alg` rows are skipped with a message and only `sha2`
//! runs.
//!
//! Run: `cargo bench -p sock-benches --bench alg`.

use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sha2::{Digest as _, Sha256};
use sock::alg::Hash;

const SIZES: [usize; 6] = [64, 1024, 16 << 10, 256 << 10, 1 << 20, 16 << 20];

fn label(size: usize) -> String {
    match size {
        s if s >= 1 << 20 => format!("{} MiB", s >> 20),
        s if s >= 1 << 10 => format!("{} KiB", s >> 10),
        s => format!("{s} B"),
    }
}

/// A temporary file holding `data`, removed on drop.
struct TempFile(std::path::PathBuf, std::fs::File);

impl TempFile {
    fn new(data: &[u8]) -> std::io::Result<TempFile> {
        let path = std::env::temp_dir().join(format!("sock-bench-alg-{}-{}", std::process::id(), data.len()));
        std::fs::File::create(&path)?.write_all(data)?;
        let file = std::fs::File::open(&path)?;
        Ok(TempFile(path, file))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn sha256(c: &mut Criterion) {
    let kernel = match Hash::new("sha256") {
        Ok(h) => Some(h),
        Err(e) => {
            println!("SOCK-SKIP: alg bench: AF_ALG sha256 unavailable ({e}); only the sha2 rows run");
            None
        }
    };
    let mut g = c.benchmark_group("sha256");
    for size in SIZES {
        let data: Vec<u8> = (0..size).map(|i| (i * 131 % 251) as u8).collect();
        g.throughput(Throughput::Bytes(size as u64));
        if size >= 1 << 20 {
            g.sample_size(10).measurement_time(Duration::from_secs(5));
        } else {
            g.sample_size(50).measurement_time(Duration::from_secs(3));
        }
        if let Some(mut h) = kernel.as_ref().map(|h| h.try_clone().expect("clone an AF_ALG hash")) {
            assert_eq!(h.digest(&data).unwrap().as_bytes(), &Sha256::digest(&data)[..], "kernel and sha2 agree");
            g.bench_with_input(BenchmarkId::new("sock-alg/buffer", label(size)), &data, |b, data| {
                b.iter(|| black_box(h.digest(black_box(data)).unwrap()))
            });
            let file = TempFile::new(&data).expect("temp file");
            g.bench_with_input(BenchmarkId::new("sock-alg/splice", label(size)), &file, |b, file| {
                b.iter(|| {
                    h.update_file(&file.1, 0, None).unwrap();
                    black_box(h.finalize().unwrap())
                })
            });
        }
        g.bench_with_input(BenchmarkId::new("sha2", label(size)), &data, |b, data| {
            b.iter(|| black_box(Sha256::digest(black_box(data))))
        });
    }
    g.finish();
}

criterion_group!(benches, sha256);
criterion_main!(benches);
