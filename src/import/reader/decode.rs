//! A streaming Windows-1252 → UTF-8 decoder for files from older Excel versions.

use std::io::{self, Read};

/// Decodes Windows-1252 bytes from `inner` into UTF-8 as it is read.
pub struct Windows1252<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    out_pos: usize,
    done: bool,
}

impl<R: Read> Windows1252<R> {
    /// Wraps a reader.
    pub fn new(inner: R) -> Self {
        Windows1252 {
            inner,
            decoder: encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling(),
            input: vec![0; 1 << 15],
            output: Vec::with_capacity(1 << 16),
            out_pos: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for Windows1252<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos >= self.output.len() {
            if self.done {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.input)?;
            let last = n == 0;
            self.output.clear();
            self.output.resize(n * 3 + 16, 0);
            let (_, _, written, _) =
                self.decoder
                    .decode_to_utf8(&self.input[..n], &mut self.output, last);
            self.output.truncate(written);
            self.out_pos = 0;
            self.done = last;
        }
        let n = buf.len().min(self.output.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}
