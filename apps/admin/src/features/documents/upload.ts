import { ApiError, csrfToken } from '../../shared/api';

/** POSTs a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function uploadWithProgress<T>(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('x-csrf-token', csrfToken());
    request.setRequestHeader('accept', 'application/json');
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let parsed: unknown;
      try {
        parsed = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        parsed = { message: request.statusText };
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve(parsed as T);
      } else reject(new ApiError(request.status, (parsed as ApiError['body']) ?? { message: request.statusText }));
    };
    request.onerror = () => reject(new ApiError(0, { message: 'Network error' }));
    request.send(body);
  });
}
