#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(int argc,char**argv){
  int level=atoi(argv[1]); struct libdeflate_compressor*c=libdeflate_alloc_compressor(level);
  long tot=0,raw=0; struct timespec t0,t1; clock_gettime(CLOCK_MONOTONIC,&t0);
  for(int i=2;i<argc;i++){FILE*f=fopen(argv[i],"rb");fseek(f,0,2);long n=ftell(f);rewind(f);char*b=malloc(n);fread(b,1,n,f);fclose(f);
    size_t cap=libdeflate_zlib_compress_bound(c,n);char*o=malloc(cap);size_t z=libdeflate_zlib_compress(c,b,n,o,cap);tot+=z;raw+=n;free(b);free(o);}
  clock_gettime(CLOCK_MONOTONIC,&t1);
  printf("level %2d: %ld -> %ld  %.2f ms\n",level,raw,tot,(t1.tv_sec-t0.tv_sec)*1e3+(t1.tv_nsec-t0.tv_nsec)/1e6);
}
