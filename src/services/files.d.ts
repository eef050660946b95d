import type { FileView } from '../../cloudfunctions/shared/storage'

/**
 * Opens a file the cloud made (a certificate's PDF, an Excel export) with the phone's document
 * viewer, from which it can be saved or sent; the browser downloads it.
 */
export declare function openFile(file: FileView, fileType: 'pdf' | 'xlsx'): Promise<void>

/** Uploads a photo the user chose (its local path) to cloud storage; answers its fileID. */
export declare function uploadPhoto(filePath: string): Promise<string>

/** Removes a photo the user uploaded and then took off a form. */
export declare function removeUpload(fileId: string): Promise<void>
